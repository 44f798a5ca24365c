package cn.qinglang.inspect.security;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.qinglang.inspect.system.RetryOnConflict;
import cn.qinglang.inspect.system.Times;

/**
 * The accounts as sign-in sees them: credentials, lock state and failure counters.
 */
@RetryOnConflict
@Service
class SignInAccounts implements UserDetailsService {

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInAccounts(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.jdbc.sql("""
				SELECT u.id, u.username, u.password_hash, u.display_name, u.role, u.jurisdiction_code, j.path,
				  u.enterprise_id, u.enabled, u.locked_until, u.must_change_password
				FROM app_user u LEFT JOIN jurisdiction j ON j.code = u.jurisdiction_code
				WHERE u.username = :username""")
			.param("username", username)
			.query((rs, row) -> new PortalUser(rs.getLong("id"), rs.getString("username"),
					rs.getString("password_hash"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
					rs.getString("jurisdiction_code"), rs.getString("path"), rs.getObject("enterprise_id", Long.class),
					rs.getBoolean("enabled"),
					Times.stillAhead(Times.fromDb(rs.getObject("locked_until", LocalDateTime.class)), this.clock),
					rs.getBoolean("must_change_password")))
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	@Transactional
	void signedIn(String username, Instant at) {
		this.jdbc
			.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = :at "
					+ "WHERE username = :username")
			.param("at", Times.toDb(at))
			.param("username", username)
			.update();
	}

	/**
	 * Counts a failure; returns whether it locked the account. The counter restarts once
	 * locked, so the account gets its attempts back when the lock expires.
	 */
	@Transactional
	boolean failed(String username, int maxAttempts, Instant lockedUntil) {
		this.jdbc.sql("UPDATE app_user SET failed_attempts = failed_attempts + 1 WHERE username = :username")
			.param("username", username)
			.update();
		return this.jdbc.sql("""
				UPDATE app_user SET locked_until = :until, failed_attempts = 0
				WHERE username = :username AND failed_attempts >= :max""")
			.param("until", Times.toDb(lockedUntil))
			.param("username", username)
			.param("max", maxAttempts)
			.update() == 1;
	}

	@Transactional
	void changePassword(long userId, String passwordHash) {
		this.jdbc.sql("""
				UPDATE app_user SET password_hash = :hash, must_change_password = FALSE,
				  updated_at = UTC_TIMESTAMP(6), version = version + 1
				WHERE id = :id""").param("hash", passwordHash).param("id", userId).update();
	}

	String passwordHash(long userId) {
		return this.jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id")
			.param("id", userId)
			.query(String.class)
			.single();
	}

	long countAdministrators() {
		return this.jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN'").query(Long.class).single();
	}

	@Transactional
	long createAdministrator(String username, String passwordHash, boolean mustChangePassword) {
		this.jdbc.sql("""
				INSERT INTO app_user (username, display_name, password_hash, role, must_change_password)
				VALUES (:username, :username, :hash, 'ADMIN', :mustChange)""")
			.param("username", username)
			.param("hash", passwordHash)
			.param("mustChange", mustChangePassword)
			.update();
		return this.jdbc.sql("SELECT id FROM app_user WHERE username = :username")
			.param("username", username)
			.query(Long.class)
			.single();
	}

}
