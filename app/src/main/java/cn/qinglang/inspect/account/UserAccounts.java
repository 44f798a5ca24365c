package cn.qinglang.inspect.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

import cn.qinglang.inspect.enterprise.Unscoped;
import cn.qinglang.inspect.security.Role;
import cn.qinglang.inspect.system.LikePattern;
import cn.qinglang.inspect.system.Page;
import cn.qinglang.inspect.system.Times;

@Unscoped("accounts are administered by administrators only; an account's enterprise is joined for its name")
@Repository
class UserAccounts {

	private static final String SELECT = """
			SELECT u.id, u.username, u.display_name, u.email, u.role, u.jurisdiction_code, j.name_zh AS j_name,
			  u.enterprise_id, e.name_zh AS e_name, u.enabled, u.locked_until, u.last_sign_in_at,
			  u.must_change_password
			FROM app_user u
			LEFT JOIN jurisdiction j ON j.code = u.jurisdiction_code
			LEFT JOIN enterprise e ON e.id = u.enterprise_id
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	UserAccounts(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	Page<UserAccount> search(UserSearch search, int size) {
		List<String> conditions = new ArrayList<>(List.of("TRUE"));
		Map<String, Object> params = new LinkedHashMap<>();
		if (StringUtils.hasText(search.q())) {
			conditions.add("(u.username LIKE :q OR u.display_name LIKE :q)");
			params.put("q", LikePattern.containing(search.q()));
		}
		if (search.role() != null) {
			conditions.add("u.role = :role");
			params.put("role", search.role().name());
		}
		String where = " WHERE " + String.join(" AND ", conditions);
		long total = this.jdbc.sql("SELECT COUNT(*) FROM app_user u" + where).params(params).query(Long.class).single();
		int number = Page.clampNumber(search.page());
		List<UserAccount> items = this.jdbc
			.sql(SELECT + where + " ORDER BY FIELD(u.role, 'ADMIN', 'AUDITOR', 'EXECUTIVE', 'INSPECTOR', 'PLATFORM'),"
					+ " u.username LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", Page.offset(number, size))
			.query(this::map)
			.list();
		return new Page<>(items, number, size, total);
	}

	Optional<UserAccount> find(long id) {
		return this.jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(this::map).optional();
	}

	boolean usernameTaken(String username) {
		return this.jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :username")
			.param("username", username)
			.query(Long.class)
			.single() > 0;
	}

	long insert(UserForm form, String passwordHash) {
		this.jdbc.sql("""
				INSERT INTO app_user (username, display_name, email, password_hash, role, jurisdiction_code,
				  enterprise_id, must_change_password)
				VALUES (:username, :displayName, :email, :hash, :role, :jurisdiction, :enterprise, TRUE)""")
			.param("username", form.username())
			.param("displayName", form.displayName())
			.param("email", form.email())
			.param("hash", passwordHash)
			.param("role", form.role().name())
			.param("jurisdiction", form.jurisdictionCode())
			.param("enterprise", form.enterpriseId())
			.update();
		return this.jdbc.sql("SELECT id FROM app_user WHERE username = :username")
			.param("username", form.username())
			.query(Long.class)
			.single();
	}

	void update(long id, UserForm form) {
		this.jdbc.sql("""
				UPDATE app_user SET display_name = :displayName, email = :email, role = :role,
				  jurisdiction_code = :jurisdiction, enterprise_id = :enterprise,
				  updated_at = UTC_TIMESTAMP(6), version = version + 1
				WHERE id = :id""")
			.param("displayName", form.displayName())
			.param("email", form.email())
			.param("role", form.role().name())
			.param("jurisdiction", form.jurisdictionCode())
			.param("enterprise", form.enterpriseId())
			.param("id", id)
			.update();
	}

	void resetPassword(long id, String passwordHash) {
		this.jdbc.sql("""
				UPDATE app_user SET password_hash = :hash, must_change_password = TRUE,
				  updated_at = UTC_TIMESTAMP(6), version = version + 1
				WHERE id = :id""").param("hash", passwordHash).param("id", id).update();
	}

	void setEnabled(long id, boolean enabled) {
		this.jdbc.sql("""
				UPDATE app_user SET enabled = :enabled, updated_at = UTC_TIMESTAMP(6), version = version + 1
				WHERE id = :id""").param("enabled", enabled).param("id", id).update();
	}

	void unlock(long id) {
		this.jdbc.sql("UPDATE app_user SET locked_until = NULL, failed_attempts = 0 WHERE id = :id")
			.param("id", id)
			.update();
	}

	private UserAccount map(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getString("jurisdiction_code"),
				rs.getString("j_name"), rs.getObject("enterprise_id", Long.class), rs.getString("e_name"),
				rs.getBoolean("enabled"),
				Times.stillAhead(Times.fromDb(rs.getObject("locked_until", LocalDateTime.class)), this.clock),
				Times.fromDb(rs.getObject("last_sign_in_at", LocalDateTime.class)),
				rs.getBoolean("must_change_password"));
	}

}
