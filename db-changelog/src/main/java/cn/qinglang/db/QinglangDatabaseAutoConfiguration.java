package cn.qinglang.db;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Chooses the database: an external MariaDB when {@code qinglang.db.url} (or Boot's own
 * {@code spring.datasource.url}) is set, otherwise an embedded MariaDB started before the
 * DataSource.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(DatabaseProperties.class)
public class QinglangDatabaseAutoConfiguration {

	@Bean
	static UnchangedSchema unchangedSchema(ResourceLoader resourceLoader, Environment environment) {
		return new UnchangedSchema(resourceLoader,
				environment.getProperty("spring.liquibase.enabled", Boolean.class, Boolean.TRUE));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("qinglang.db.url")
	static class ExternalDatabaseConfiguration {

		@Bean
		JdbcConnectionDetails qinglangConnectionDetails(DatabaseProperties properties) {
			return new MariaDbConnectionDetails(properties.url(), properties.user(), properties.password());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(NoExternalDatabaseCondition.class)
	static class EmbeddedDatabaseConfiguration {

		@Bean
		EmbeddedMariaDb embeddedMariaDb(DatabaseProperties properties) {
			return EmbeddedMariaDb.start(properties.embedded());
		}

		@Bean
		JdbcConnectionDetails embeddedMariaDbConnectionDetails(EmbeddedMariaDb db) {
			return new MariaDbConnectionDetails(db.jdbcUrl(), db.username(), db.password());
		}

	}

	static class NoExternalDatabaseCondition extends NoneNestedConditions {

		NoExternalDatabaseCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty("qinglang.db.url")
		static class QinglangUrl {

		}

		@ConditionalOnProperty("spring.datasource.url")
		static class SpringUrl {

		}

	}

	/** Not a record: a record's toString would print the password into logs. */
	static final class MariaDbConnectionDetails implements JdbcConnectionDetails {

		private final String url;

		private final String username;

		private final String password;

		MariaDbConnectionDetails(String url, String username, String password) {
			this.url = url;
			this.username = username;
			this.password = password;
		}

		@Override
		public String getJdbcUrl() {
			return this.url;
		}

		@Override
		public String getUsername() {
			return this.username;
		}

		@Override
		public String getPassword() {
			return this.password;
		}

		@Override
		public String getDriverClassName() {
			return "org.mariadb.jdbc.Driver";
		}

	}

}
