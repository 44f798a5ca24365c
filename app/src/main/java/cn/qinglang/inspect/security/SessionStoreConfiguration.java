package cn.qinglang.inspect.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The sessions' table (Spring Session JDBC). Two requests of one session at once, a
 * double click or two tabs, may both add the same attribute (the flash map of a
 * redirect): the second insert updates the row instead of failing on its key, as Spring
 * Session's reference shows for MySQL and MariaDB.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentAttributes() {
		return (repository) -> repository.setCreateSessionAttributeQuery("""
				INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
				VALUES (?, ?, ?)
				ON DUPLICATE KEY UPDATE ATTRIBUTE_BYTES = VALUES(ATTRIBUTE_BYTES)""");
	}

}
