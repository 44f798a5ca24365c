package cn.qinglang.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liquibase skipped at a start only when the database has this very changelog: the
 * context of these tests ran it on a fresh database and recorded the fingerprint; a
 * second start with the same changelog skips it, anything else runs it.
 */
@SpringBootTest(classes = ChangelogTests.TestApplication.class)
class UnchangedSchemaTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SpringLiquibase applied;

	private final UnchangedSchema unchangedSchema = new UnchangedSchema(new DefaultResourceLoader(), true);

	@Test
	void aFreshDatabaseRanTheChangelogAndRecordedItsFingerprint() {
		int changeSets = this.jdbc.sql("SELECT COUNT(*) FROM DATABASECHANGELOG").query(Integer.class).single();
		assertThat(changeSets).isGreaterThan(40);
		assertThat(this.jdbc.sql("SELECT change_sets FROM schema_fingerprint").query(Integer.class).single())
			.isEqualTo(changeSets);
		assertThat(this.jdbc.sql("SELECT fingerprint FROM schema_fingerprint").query(String.class).single())
			.isEqualTo(this.unchangedSchema.fingerprint(this.applied));
	}

	@Test
	void theSameChangelogIsSkippedAtTheNextStart() {
		SpringLiquibase next = liquibase("classpath:db/changelog/master.xml", "demo");

		this.unchangedSchema.postProcessBeforeInitialization(next, "liquibase");

		assertThat(shouldRun(next)).isFalse();
	}

	@Test
	void otherContextsRunTheUpdate() {
		SpringLiquibase next = liquibase("classpath:db/changelog/master.xml", "prod");

		this.unchangedSchema.postProcessBeforeInitialization(next, "liquibase");

		assertThat(shouldRun(next)).isTrue();
	}

	@Test
	void aChangelogTableChangedByHandRunsTheUpdate() throws Exception {
		SpringLiquibase next = liquibase("classpath:db/changelog/master.xml", "demo");
		this.jdbc.sql("UPDATE schema_fingerprint SET change_sets = change_sets - 1").update();
		try {
			this.unchangedSchema.postProcessBeforeInitialization(next, "liquibase");
			assertThat(shouldRun(next)).isTrue();

			next.afterPropertiesSet();
			this.unchangedSchema.postProcessAfterInitialization(next, "liquibase");
		}
		finally {
			assertThat(this.jdbc.sql("SELECT change_sets FROM schema_fingerprint").query(Integer.class).single())
				.isEqualTo(this.jdbc.sql("SELECT COUNT(*) FROM DATABASECHANGELOG").query(Integer.class).single());
		}
	}

	@Test
	void anEditedOrAddedChangeSetChangesTheFingerprint(@TempDir Path folder) throws IOException {
		Files.createDirectories(folder.resolve("changes"));
		Files.writeString(folder.resolve("master.xml"), "<databaseChangeLog/>");
		Files.writeString(folder.resolve("changes/a.xml"), "<databaseChangeLog>a</databaseChangeLog>");
		SpringLiquibase changelog = liquibase(folder.toUri() + "master.xml", "demo");
		String first = this.unchangedSchema.fingerprint(changelog);

		Files.writeString(folder.resolve("changes/a.xml"), "<databaseChangeLog>b</databaseChangeLog>");
		String edited = this.unchangedSchema.fingerprint(changelog);
		Files.writeString(folder.resolve("changes/b.xml"), "<databaseChangeLog/>");
		String added = this.unchangedSchema.fingerprint(changelog);

		assertThat(first).hasSize(64);
		assertThat(edited).isNotEqualTo(first);
		assertThat(added).isNotEqualTo(edited).isNotEqualTo(first);
		assertThat(this.unchangedSchema.fingerprint(changelog)).isEqualTo(added);
	}

	/** SpringLiquibase keeps its switch to itself. */
	private static boolean shouldRun(SpringLiquibase liquibase) {
		return (boolean) ReflectionTestUtils.getField(liquibase, "shouldRun");
	}

	private SpringLiquibase liquibase(String changeLog, String contexts) {
		SpringLiquibase liquibase = new SpringLiquibase();
		liquibase.setDataSource(this.dataSource);
		liquibase.setChangeLog(changeLog);
		liquibase.setContexts(contexts);
		liquibase.setResourceLoader(new DefaultResourceLoader());
		return liquibase;
	}

}
