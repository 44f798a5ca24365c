package cn.qinglang.inspect.support;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Signs in through the real login form (CSRF token, password check, lockout counters,
 * audit) and hands back the session.
 */
public final class SignIn {

	public static final String DEMO_PASSWORD = "qinglang-demo";

	private SignIn() {
	}

	public static MockHttpSession as(MockMvc mvc, String username) throws Exception {
		return as(mvc, username, DEMO_PASSWORD);
	}

	public static MockHttpSession as(MockMvc mvc, String username, String password) throws Exception {
		MvcResult result = mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
