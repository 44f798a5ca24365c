package cn.qinglang.inspect.security;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.support.MockMvcSessionCookies;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Outside the demo profile: no demo accounts, no default password; the first
 * administrator gets a one-time password printed once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({ "prod", "test" })
@Import(MockMvcSessionCookies.class)
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorIT {

	private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("One-time password:\\s+(\\S+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FirstAdministrator firstAdministrator;

	@Test
	void noDemoAccountsOrDataOutsideTheDemo() throws Exception {
		assertThat(this.jdbc.sql("SELECT username FROM app_user").query(String.class).list()).contains("admin")
			.doesNotContain("inspector", "executive", "inspector-haidian", "auditor");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM enterprise").query(Long.class).single()).isZero();
		this.mvc.perform(formLogin("/login").user("inspector").password(SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(formLogin("/login").user("admin").password(SignIn.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void firstAdministratorMustReplaceItsOneTimePassword(CapturedOutput output) throws Exception {
		// start over on this database: no administrator, as at a first start
		this.jdbc.sql("UPDATE app_user SET role = 'AUDITOR', username = 'former-admin' WHERE username = 'admin'")
			.update();
		this.firstAdministrator.run(null);
		List<String> printed = ONE_TIME_PASSWORD.matcher(output.getOut())
			.results()
			.map((match) -> match.group(1))
			.toList();
		assertThat(printed).as("one-time passwords printed").isNotEmpty();

		MockHttpSession session = SignIn.as(this.mvc, "admin", printed.get(printed.size() - 1));

		this.mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl("/account/password"));
		this.firstAdministrator.run(null);
		assertThat(ONE_TIME_PASSWORD.matcher(output.getOut()).results().count()).as("not printed again")
			.isEqualTo(printed.size());
	}

}
