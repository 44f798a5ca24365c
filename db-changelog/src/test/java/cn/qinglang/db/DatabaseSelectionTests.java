package cn.qinglang.db;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An external MariaDB, named by {@code qinglang.db.url} ({@code QINGLANG_DB_URL}) or by
 * {@code spring.datasource.url}, replaces the embedded one, which is then not started.
 * The "external" server here is the embedded MariaDB of this test's own context.
 */
@SpringBootTest(classes = ChangelogTests.TestApplication.class)
class DatabaseSelectionTests {

	@Autowired
	EmbeddedMariaDb running;

	private final ApplicationContextRunner contexts = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(QinglangDatabaseAutoConfiguration.class, DataSourceAutoConfiguration.class));

	@Test
	void qinglangDbUrlSelectsAnExternalDatabaseAndStartsNoEmbeddedOne() {
		this.contexts
			.withPropertyValues("qinglang.db.url=" + this.running.jdbcUrl(),
					"qinglang.db.user=" + this.running.username(), "qinglang.db.password=" + this.running.password())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(EmbeddedMariaDb.class);
				assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl()).isEqualTo(this.running.jdbcUrl());
				Integer enterprises = new JdbcTemplate(context.getBean(DataSource.class))
					.queryForObject("SELECT COUNT(*) FROM enterprise", Integer.class);
				assertThat(enterprises).isPositive();
			});
	}

	@Test
	void springDatasourceUrlAlsoSelectsAnExternalDatabase() {
		this.contexts
			.withPropertyValues("spring.datasource.url=" + this.running.jdbcUrl(),
					"spring.datasource.username=" + this.running.username(),
					"spring.datasource.password=" + this.running.password())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(EmbeddedMariaDb.class);
				assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl()).isEqualTo(this.running.jdbcUrl());
			});
	}

	@Test
	void withoutAnUrlTheEmbeddedDatabaseIsStarted() {
		assertThat(this.running.port()).isPositive();
		assertThat(this.running.jdbcUrl()).startsWith("jdbc:mariadb://127.0.0.1:");
	}

}
