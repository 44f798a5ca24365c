package cn.qinglang.inspect.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.qinglang.inspect.enterprise.Unscoped;
import cn.qinglang.inspect.system.Times;

/**
 * The push API's tokens. A token is {@code qlt_} and 43 characters of a random 256-bit
 * secret (URL-safe Base64); it is shown once and kept as its SHA-256, so that neither the
 * database nor a backup holds a usable token. Its first twelve characters are kept to
 * tell tokens apart in lists.
 */
@Unscoped("tokens are read by the enterprise id of the signed-in platform user, or by an administrator")
@Repository
class ApiTokens {

	static final String PREFIX = "qlt_";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** How exactly a token's last use is kept. */
	private static final Duration USE_NOTED_TO = Duration.ofMinutes(1);

	private static final String SELECT = """
			SELECT t.id, t.enterprise_id, e.credit_code, e.name_zh, t.name, t.prefix, t.sandbox, t.created_by,
			  t.created_at, t.expires_at, t.last_used_at, t.revoked_at, t.revoked_by
			FROM api_token t JOIN enterprise e ON e.id = t.enterprise_id""";

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Makes a token; the secret is in the answer only. */
	NewToken create(long enterpriseId, String name, Instant expiresAt, boolean sandbox, String createdBy) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		this.jdbc
			.sql("""
					INSERT INTO api_token (enterprise_id, name, prefix, token_hash, sandbox, created_by, created_at, expires_at)
					VALUES (:enterprise, :name, :prefix, :hash, :sandbox, :by, :at, :expires)""")
			.param("enterprise", enterpriseId)
			.param("name", name)
			.param("prefix", token.substring(0, 12))
			.param("hash", hash(token))
			.param("sandbox", sandbox)
			.param("by", createdBy)
			.param("at", Times.toDb(Times.now(this.clock)))
			.param("expires", Times.toDb(expiresAt))
			.update();
		long id = this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
		return new NewToken(id, token);
	}

	/** An enterprise's tokens, newest first. */
	List<ApiToken> ofEnterprise(long enterpriseId) {
		return this.jdbc.sql(SELECT + " WHERE t.enterprise_id = :enterprise ORDER BY t.id DESC")
			.param("enterprise", enterpriseId)
			.query(this::map)
			.list();
	}

	/** Every token, newest first, for administrators. */
	List<ApiToken> all() {
		return this.jdbc.sql(SELECT + " ORDER BY t.id DESC").query(this::map).list();
	}

	Optional<ApiToken> find(long id) {
		return this.jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(this::map).optional();
	}

	/** Revokes a token not revoked yet. */
	boolean revoke(long id, String by) {
		return this.jdbc
			.sql("UPDATE api_token SET revoked_at = :at, revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
			.param("at", Times.toDb(Times.now(this.clock)))
			.param("by", by)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * The token of this secret if it is neither revoked nor expired, noting its use to
	 * the minute: a request within a minute of the last one noted writes nothing (the row
	 * is read-locked by every push run of the token in progress, through the run's
	 * foreign key, and a write at each request waited for the push before it).
	 */
	Optional<ApiToken> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Optional<ApiToken> found = this.jdbc.sql(SELECT + " WHERE t.token_hash = :hash")
			.param("hash", hash(token))
			.query(this::map)
			.optional()
			.filter(ApiToken::usable);
		Instant now = Times.now(this.clock);
		found.filter((valid) -> valid.lastUsedAt() == null || valid.lastUsedAt().isBefore(now.minus(USE_NOTED_TO)))
			.ifPresent((valid) -> this.jdbc.sql("UPDATE api_token SET last_used_at = :at WHERE id = :id")
				.param("at", Times.toDb(now))
				.param("id", valid.id())
				.update());
		return found;
	}

	static String hash(String token) {
		return sha256(token.getBytes(StandardCharsets.UTF_8));
	}

	/** The SHA-256 of the bytes, in hex: a token's, or a pushed body's. */
	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ApiToken map(ResultSet rs, int row) throws SQLException {
		Instant now = this.clock.instant();
		Instant expires = Times.fromDb(rs.getObject("expires_at", LocalDateTime.class));
		Instant revoked = Times.fromDb(rs.getObject("revoked_at", LocalDateTime.class));
		return new ApiToken(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("credit_code"),
				rs.getString("name_zh"), rs.getString("name"), rs.getString("prefix"), rs.getBoolean("sandbox"),
				rs.getString("created_by"), Times.fromDb(rs.getObject("created_at", LocalDateTime.class)), expires,
				Times.fromDb(rs.getObject("last_used_at", LocalDateTime.class)), revoked, rs.getString("revoked_by"),
				revoked == null && expires.isAfter(now));
	}

	/** A token just made, with its secret. */
	record NewToken(long id, String token) {
	}

	/**
	 * A token as lists show it; never its secret.
	 *
	 * @param usable neither revoked nor expired when it was read
	 */
	record ApiToken(long id, long enterpriseId, String creditCode, String enterpriseName, String name, String prefix,
			boolean sandbox, String createdBy, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			Instant revokedAt, String revokedBy, boolean usable) {
	}

}
