package cn.qinglang.inspect.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;
import cn.qinglang.inspect.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in and sign-out: failures counted and locked out, everything in the audit log, the
 * session renewed, CSRF required, strict headers.
 */
@PortalTest
class SignInIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyRoleSignsInWithTheDemoPassword() throws Exception {
		for (String username : new String[] { "admin", "inspector", "executive", "inspector-haidian", "auditor",
				"qingqiong" }) {
			MockHttpSession session = SignIn.as(this.mvc, username);
			this.mvc.perform(get("/").session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"sign-out\"")));
		}
	}

	@Test
	void wrongPasswordIsRefusedAndAudited() throws Exception {
		this.mvc.perform(formLogin("/login").user("executive").password("wrong-password"))
			.andExpect(redirectedUrl("/login?error"));

		assertThat(lastAction("executive")).isEqualTo("SIGN_IN_FAILED");
	}

	@Test
	void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
		TestAccounts.create(this.jdbc, "lockout-probe", "AUDITOR", null);
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(formLogin("/login").user("lockout-probe").password("wrong-" + i))
				.andExpect(redirectedUrl("/login?error"));
		}

		this.mvc.perform(formLogin("/login").user("lockout-probe").password(SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/login?error"));

		assertThat(actions("lockout-probe")).contains("ACCOUNT_LOCKED", "SIGN_IN_REFUSED_LOCKED");
		assertThat(this.jdbc.sql("SELECT locked_until IS NOT NULL FROM app_user WHERE username = 'lockout-probe'")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void disabledAccountCannotSignIn() throws Exception {
		TestAccounts.create(this.jdbc, "disabled-probe", "AUDITOR", null);
		this.jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = 'disabled-probe'").update();

		this.mvc.perform(formLogin("/login").user("disabled-probe").password(SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/login?error"));

		assertThat(lastAction("disabled-probe")).isEqualTo("SIGN_IN_REFUSED_DISABLED");
	}

	@Test
	void signInAndSignOutAreAuditedWithTheAddress() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "auditor");
		assertThat(lastAction("auditor")).isEqualTo("SIGN_IN");

		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

		assertThat(lastAction("auditor")).isEqualTo("SIGN_OUT");
		assertThat(this.jdbc.sql("SELECT remote_addr FROM audit_log WHERE actor = 'auditor' ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single()).isEqualTo("127.0.0.1");
	}

	@Test
	void signInWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/login").param("username", "admin").param("password", SignIn.DEMO_PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void pagesCarryStrictSecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void strictTransportSecurityIsSentBehindTls() throws Exception {
		this.mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
		this.mvc.perform(get("/login").secure(false)).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void passwordsAreStoredAsBcryptHashes() {
		List<String> hashes = this.jdbc.sql("SELECT password_hash FROM app_user").query(String.class).list();
		long users = this.jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();

		// every account, and there are accounts: a rule over an empty list passes on
		// nothing
		assertThat(hashes).hasSize((int) users).hasSizeGreaterThanOrEqualTo(5);
		assertThat(hashes).allMatch((hash) -> hash.startsWith("{bcrypt}$2"));
	}

	private String lastAction(String actor) {
		return this.jdbc.sql("SELECT action FROM audit_log WHERE actor = :actor ORDER BY id DESC LIMIT 1")
			.param("actor", actor)
			.query(String.class)
			.single();
	}

	private java.util.List<String> actions(String actor) {
		return this.jdbc.sql("SELECT action FROM audit_log WHERE actor = :actor ORDER BY id")
			.param("actor", actor)
			.query(String.class)
			.list();
	}

}
