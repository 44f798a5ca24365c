package cn.qinglang.inspect.security;

import java.time.Duration;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions live in the database (Spring Session JDBC, the tables from the Liquibase
 * changelog), so that every node of a cluster knows them; the cookie is Spring Session's
 * {@code SESSION}. Spring Session's filter uses them through the {@link SessionStore}:
 * read once a page, the last access written once a minute at most. Boot's own
 * configuration of the sessions' table steps back for it (it does for any session
 * repository), so the time-out ({@code server.servlet.session.timeout}) is set here.
 * Expired sessions are deleted every ten minutes by each node (a DELETE that finds
 * nothing on the others).
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession(cleanupCron = "0 */10 * * * *")
class SessionStoreConfiguration {

	/**
	 * The idle time-out; and two requests of one session at once, a double click or two
	 * tabs, may both add the same attribute (the flash map of a redirect): the second
	 * insert updates the row instead of failing on its key, as Spring Session's reference
	 * shows for MySQL and MariaDB.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionsTable(
			@Value("${server.servlet.session.timeout}") Duration timeout) {
		return (repository) -> {
			repository.setDefaultMaxInactiveInterval(timeout);
			repository.setCreateSessionAttributeQuery("""
					INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
					VALUES (?, ?, ?)
					ON DUPLICATE KEY UPDATE ATTRIBUTE_BYTES = VALUES(ATTRIBUTE_BYTES)""");
		};
	}

	/** The repository Spring Session's filter uses. */
	@Bean
	@Primary
	SessionStore sessionStore(JdbcIndexedSessionRepository sessions, SecurityProperties security) {
		return new SessionStore(sessions, security.sessionTouchEvery());
	}

	/** Just outside Spring Session's filter, on the dispatches it filters. */
	@Bean
	FilterRegistrationBean<Filter> sessionStoreRequestScope() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(SessionStore.requestScope());
		registration.setName("sessionStoreRequestScope");
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
		return registration;
	}

}
