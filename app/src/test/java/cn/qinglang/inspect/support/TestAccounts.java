package cn.qinglang.inspect.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts that a test may lock, disable or change without disturbing the demo accounts
 * other tests sign in with. Their password is the demo password.
 */
public final class TestAccounts {

	private TestAccounts() {
	}

	public static void create(JdbcClient jdbc, String username, String role, String jurisdictionCode) {
		jdbc.sql(
				"""
						INSERT INTO app_user (username, display_name, password_hash, role, jurisdiction_code)
						SELECT :username, :username, password_hash, :role, :jurisdiction FROM app_user WHERE username = 'admin'""")
			.param("username", username)
			.param("role", role)
			.param("jurisdiction", jurisdictionCode)
			.update();
	}

}
