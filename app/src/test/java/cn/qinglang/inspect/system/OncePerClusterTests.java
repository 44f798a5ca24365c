package cn.qinglang.inspect.system;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.annotation.Scheduled;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled work runs once per cluster: every scheduled method takes a ShedLock lock of
 * its own, and returns nothing (a node that skips its turn has no value to return).
 */
class OncePerClusterTests {

	private static final JavaClasses PORTAL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.qinglang.inspect");

	@Test
	void everyScheduledMethodTakesALockAndReturnsNothing() {
		methods().that()
			.areAnnotatedWith(Scheduled.class)
			.should()
			.beAnnotatedWith(SchedulerLock.class)
			.andShould()
			.haveRawReturnType(void.class)
			.because("a schedule runs on one node of the cluster at a time")
			.check(PORTAL);
	}

	@Test
	void eachLockHasANameOfItsOwn() {
		List<String> names = new ArrayList<>();
		for (JavaMethod method : PORTAL.stream().flatMap((type) -> type.getMethods().stream()).toList()) {
			if (method.isAnnotatedWith(SchedulerLock.class)) {
				names.add(method.getAnnotationOfType(SchedulerLock.class).name());
			}
		}
		assertThat(names).hasSizeGreaterThanOrEqualTo(6).doesNotHaveDuplicates();
	}

}
