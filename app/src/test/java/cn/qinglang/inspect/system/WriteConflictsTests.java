package cn.qinglang.inspect.system;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every transaction that writes begins in a class that runs it again when it loses to
 * another ({@link RetryOnConflict}): on a Galera cluster two nodes writing the same rows
 * is an ordinary day, not an error for the user.
 */
class WriteConflictsTests {

	private static final JavaClasses PORTAL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.qinglang.inspect");

	@Test
	void everyClassThatBeginsAWritingTransactionRetriesItsConflicts() {
		List<String> without = new ArrayList<>();
		for (JavaClass type : PORTAL) {
			boolean begins = writes(type.tryGetAnnotationOfType(Transactional.class).orElse(null));
			for (JavaMethod method : type.getMethods()) {
				begins |= writes(method.tryGetAnnotationOfType(Transactional.class).orElse(null));
			}
			if (begins && !type.isAnnotatedWith(RetryOnConflict.class)) {
				without.add(type.getName());
			}
		}
		assertThat(without).as("classes beginning writing transactions without @RetryOnConflict").isEmpty();
		assertThat(PORTAL.stream().filter((type) -> type.isAnnotatedWith(RetryOnConflict.class)).count())
			.isGreaterThanOrEqualTo(10);
	}

	private static boolean writes(Transactional transactional) {
		return transactional != null && !transactional.readOnly()
				&& transactional.propagation() != Propagation.MANDATORY
				&& transactional.propagation() != Propagation.SUPPORTS;
	}

	@Test
	void aDeadlockACertificationFailureAndALockWaitTimeOutAreConflicts() {
		assertThat(WriteConflicts.lostToAnother(new CannotAcquireLockException("lock wait"))).isTrue();
		assertThat(WriteConflicts.lostToAnother(new UncategorizedSQLException("commit", null,
				new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213))))
			.isTrue();
		assertThat(WriteConflicts.lostToAnother(
				new UncategorizedSQLException("update", null, new SQLException("Lock wait timeout", "HY000", 1205))))
			.isTrue();
		assertThat(WriteConflicts.lostToAnother(new DataIntegrityViolationException("duplicate"))).isFalse();
		// a document number issued meanwhile by another node's transaction: run again,
		// next
		// number; any other duplicate is the caller's to answer
		assertThat(WriteConflicts.lostToAnother(new DuplicateKeyException("insert",
				new SQLIntegrityConstraintViolationException(
						"Duplicate entry '京网信整改〔2026〕5号' for key 'rectification_order_number_uk'", "23000", 1062))))
			.isTrue();
		assertThat(
				WriteConflicts.lostToAnother(new DuplicateKeyException("insert",
						new SQLIntegrityConstraintViolationException(
								"Duplicate entry 'inspector' for key 'app_user_username_uk'", "23000", 1062))))
			.isFalse();
		assertThat(WriteConflicts.lostToAnother(new IllegalStateException("no"))).isFalse();
	}

}
