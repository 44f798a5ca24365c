package cn.qinglang.inspect.security;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every role reaches its pages and is refused the others'. The page must render to its
 * end: a template failing half-way would still answer 200.
 */
@PortalTest
class AccessMatrixIT {

	/**
	 * One demo account per role; "qingqiong" is the first demo enterprise's platform
	 * account.
	 */
	private static final Map<Role, String> ACCOUNTS = Map.of(Role.ADMIN, "admin", Role.INSPECTOR, "inspector",
			Role.EXECUTIVE, "executive", Role.PLATFORM, "qingqiong", Role.AUDITOR, "auditor");

	private static final Set<Role> EVERYONE = Set.of(Role.values());

	private static final Map<Role, MockHttpSession> sessions = new ConcurrentHashMap<>();

	@Autowired
	MockMvc mvc;

	static Stream<Arguments> pages() {
		return Stream.of(Arguments.of("/", EVERYONE), Arguments.of("/account/password", EVERYONE),
				Arguments.of("/enterprises", Set.of(Role.INSPECTOR, Role.EXECUTIVE)),
				Arguments.of("/enterprises?kind=BOTH&page=2", Set.of(Role.INSPECTOR, Role.EXECUTIVE)),
				Arguments.of("/enterprises/1", Set.of(Role.INSPECTOR, Role.EXECUTIVE)),
				Arguments.of("/my-enterprise", Set.of(Role.PLATFORM)),
				Arguments.of("/admin/enterprises", Set.of(Role.ADMIN)),
				Arguments.of("/admin/enterprises/new", Set.of(Role.ADMIN)),
				Arguments.of("/admin/enterprises/1/edit", Set.of(Role.ADMIN)),
				Arguments.of("/admin/users", Set.of(Role.ADMIN)),
				Arguments.of("/admin/users?role=PLATFORM&page=3", Set.of(Role.ADMIN)),
				Arguments.of("/admin/users/new", Set.of(Role.ADMIN)),
				Arguments.of("/admin/users/1/edit", Set.of(Role.ADMIN)), Arguments.of("/audit", Set.of(Role.AUDITOR)),
				Arguments.of("/admin/catalog", Set.of(Role.ADMIN)), Arguments.of("/admin/outbox", Set.of(Role.ADMIN)),
				Arguments.of("/inspections", Set.of(Role.INSPECTOR, Role.EXECUTIVE)),
				Arguments.of("/inspections/1", Set.of(Role.INSPECTOR, Role.EXECUTIVE)),
				Arguments.of("/orders", Set.of(Role.INSPECTOR, Role.EXECUTIVE)),
				Arguments.of("/orders/1", Set.of(Role.INSPECTOR, Role.EXECUTIVE)),
				Arguments.of("/my-enterprise/orders", Set.of(Role.PLATFORM)),
				Arguments.of("/my-enterprise/orders/1", Set.of(Role.PLATFORM)),
				Arguments.of("/notifications", EVERYONE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void eachRoleReachesItsPagesAndIsRefusedTheOthers(String path, Set<Role> allowed) throws Exception {
		for (Role role : Role.values()) {
			MockHttpSession session = sessionOf(role);
			if (allowed.contains(role)) {
				this.mvc.perform(get(path).session(session))
					.andExpect(status().isOk())
					.andExpect(content().string(containsString("</html>")));
			}
			else {
				this.mvc.perform(get(path).session(session)).andExpect(status().isForbidden());
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("pages")
	void anonymousVisitorIsSentToSignIn(String path, Set<Role> allowed) throws Exception {
		this.mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void navigationOffersEachRoleOnlyItsOwnSections() throws Exception {
		Map<Role, String> ownLink = Map.of(Role.ADMIN, "nav-admin-users", Role.INSPECTOR, "nav-enterprises",
				Role.EXECUTIVE, "nav-enterprises", Role.PLATFORM, "nav-my-enterprise", Role.AUDITOR, "nav-audit");
		for (Role role : Role.values()) {
			String home = this.mvc.perform(get("/").session(sessionOf(role)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			for (Map.Entry<Role, String> link : ownLink.entrySet()) {
				boolean shouldShow = link.getValue().equals(ownLink.get(role));
				org.assertj.core.api.Assertions.assertThat(home.contains("id=\"" + link.getValue() + "\""))
					.as("%s sees %s", role, link.getValue())
					.isEqualTo(shouldShow);
			}
		}
	}

	private MockHttpSession sessionOf(Role role) {
		return sessions.computeIfAbsent(role, (r) -> {
			try {
				return SignIn.as(this.mvc, ACCOUNTS.get(r));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
