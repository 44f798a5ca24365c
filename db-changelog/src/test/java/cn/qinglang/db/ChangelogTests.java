package cn.qinglang.db;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The changelog applied to a throw-away embedded MariaDB, as the app and the jobs get it.
 */
@SpringBootTest(classes = ChangelogTests.TestApplication.class)
class ChangelogTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void chineseTextAndFourByteCharactersRoundTrip() {
		String name = "北京𠀾智算科技有限公司 😀 清朗·整治AI应用乱象";
		this.jdbc.sql("UPDATE enterprise SET name_zh = ? WHERE id = 1").param(name).update();

		String stored = this.jdbc.sql("SELECT name_zh FROM enterprise WHERE id = 1").query(String.class).single();

		assertThat(stored).isEqualTo(name);
	}

	@Test
	void everyTableUsesUtf8mb4() {
		List<String> others = this.jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
				AND table_collation NOT LIKE 'utf8mb4%'""").query(String.class).list();

		assertThat(others).isEmpty();
	}

	/**
	 * Galera's rules: it replicates InnoDB tables only, by their primary key (a table
	 * without one is applied on the other nodes by scanning it).
	 */
	@Test
	void everyTableIsInnoDbWithAPrimaryKeyAsGaleraNeeds() {
		List<String> notInnoDb = this.jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = DATABASE() AND table_type IN ('BASE TABLE', 'SEQUENCE') AND engine <> 'InnoDB'""")
			.query(String.class)
			.list();
		assertThat(notInnoDb).isEmpty();
		List<String> withoutKey = this.jdbc.sql("""
				SELECT t.table_name FROM information_schema.tables t
				WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'
				  AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c
				    WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
				      AND c.constraint_type = 'PRIMARY KEY')""").query(String.class).list();
		assertThat(withoutKey).isEmpty();
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM information_schema.tables
				WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'""").query(Integer.class).single())
			.isGreaterThan(40);
	}

	@Test
	void sessionAndDefaultsAreInUtc() {
		LocalDateTime dbNow = this.jdbc.sql("SELECT NOW(6)").query(LocalDateTime.class).single();
		LocalDateTime utcNow = this.jdbc.sql("SELECT UTC_TIMESTAMP(6)").query(LocalDateTime.class).single();

		assertThat(dbNow).isCloseTo(utcNow,
				org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS));
	}

	@Test
	void ownsTheSpringBatchTables() {
		Integer tables = this.jdbc.sql("""
				SELECT COUNT(*) FROM information_schema.tables
				WHERE table_schema = DATABASE() AND table_name LIKE 'BATCH\\_%'""").query(Integer.class).single();

		assertThat(tables).isEqualTo(9);
	}

	@Test
	void demoContextSeedsOneHundredAndFiftyEnterprisesWithAPlatformAccountEach() {
		Integer enterprises = this.jdbc.sql("SELECT COUNT(*) FROM enterprise").query(Integer.class).single();
		Integer unmatched = this.jdbc.sql("""
				SELECT COUNT(*) FROM enterprise e
				LEFT JOIN app_user u ON u.username = e.code AND u.role = 'PLATFORM' AND u.enterprise_id = e.id
				WHERE u.id IS NULL""").query(Integer.class).single();

		assertThat(enterprises).isGreaterThanOrEqualTo(150);
		assertThat(unmatched).isZero();
	}

	@Test
	void platformAccountWithoutEnterpriseIsRefusedByTheDatabase() {
		assertThatThrownBy(() -> this.jdbc.sql("""
				INSERT INTO app_user (username, display_name, password_hash, role)
				VALUES ('orphan', 'x', 'x', 'PLATFORM')""").update())
			.hasMessageContaining("app_user_platform_enterprise_ck");
	}

	@Test
	void auditLogRefusesUpdatesAndDeletes() {
		this.jdbc.sql("""
				INSERT INTO audit_log (occurred_at, action, prev_hash, hash)
				VALUES (UTC_TIMESTAMP(6), 'TEST', REPEAT('0', 64), REPEAT('1', 64))""").update();

		assertThatThrownBy(() -> this.jdbc.sql("UPDATE audit_log SET action = 'CHANGED'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM audit_log").update()).hasMessageContaining("append-only");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
