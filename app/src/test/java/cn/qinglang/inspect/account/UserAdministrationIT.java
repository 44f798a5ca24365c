package cn.qinglang.inspect.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ADMIN's account forms: each role bound as it must be, bad input refused with nothing
 * stored, new accounts forced to change their initial password.
 */
@PortalTest
class UserAdministrationIT {

	private static final String INITIAL_PASSWORD = "Initial-pass-2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	MockHttpSession admin;

	@BeforeEach
	void signIn() throws Exception {
		this.admin = SignIn.as(this.mvc, "admin");
	}

	static Stream<Arguments> badForms() {
		return Stream.of(Arguments.of("empty display name", Map.of("displayName", ""), "displayName", "此项为必填项"),
				Arguments.of("display name too long", Map.of("displayName", "张".repeat(65)), "displayName", "长度须在"),
				Arguments.of("script tag", Map.of("displayName", "<script>x</script>"), "displayName", "不得包含"),
				Arguments.of("taken user name", Map.of("username", "inspector"), "username", "该用户名已被使用"),
				Arguments.of("user name with spaces", Map.of("username", "two words"), "username", "用户名须以小写字母开头"),
				Arguments.of("inspector without office", Map.of("jurisdictionCode", ""), "jurisdictionCode",
						"须选择所属网信办"),
				Arguments.of("platform without enterprise", Map.of("role", "PLATFORM"), "enterpriseId", "须绑定一家企业"),
				Arguments.of("short password", Map.of("password", "short1"), "password", "密码至少 12 位"),
				Arguments.of("password without digits", Map.of("password", "onlyletterslong"), "password",
						"须同时包含字母和数字"),
				Arguments.of("no initial password", Map.of("password", ""), "password", "请设置初始密码"),
				Arguments.of("bad e-mail", Map.of("email", "not-an-address"), "email", "有效的电子邮箱"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badForms")
	void badInputIsRefusedWithAMessageAndNothingIsStored(String label, Map<String, String> replaced, String field,
			String message) throws Exception {
		long before = userCount();

		this.mvc.perform(inspectorForm("probe-user", replaced))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", field))
			.andExpect(content().string(containsString(message)));

		assertThat(userCount()).isEqualTo(before);
	}

	@Test
	void newInspectorIsStoredAuditedAndMustChangeTheInitialPassword() throws Exception {
		this.mvc.perform(inspectorForm("new-inspector", Map.of())).andExpect(status().isFound());

		assertThat(this.jdbc.sql("SELECT must_change_password FROM app_user WHERE username = 'new-inspector'")
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("SELECT detail FROM audit_log WHERE action = 'USER_CREATED' ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single()).contains("new-inspector").contains("110105").doesNotContain(INITIAL_PASSWORD);

		MockHttpSession session = SignIn.as(this.mvc, "new-inspector", INITIAL_PASSWORD);
		this.mvc.perform(get("/enterprises").session(session)).andExpect(redirectedUrl("/account/password"));

		this.mvc
			.perform(post("/account/password").session(session)
				.with(csrf())
				.param("currentPassword", INITIAL_PASSWORD)
				.param("newPassword", "Chosen-by-me-77")
				.param("confirmPassword", "Chosen-by-me-77"))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/enterprises").session(session)).andExpect(status().isOk());
		assertThat(SignIn.as(this.mvc, "new-inspector", "Chosen-by-me-77")).isNotNull();
	}

	@Test
	void platformUserIsBoundToExactlyOneEnterprise() throws Exception {
		this.mvc
			.perform(inspectorForm("new-platform",
					Map.of("role", "PLATFORM", "enterpriseId", "5", "jurisdictionCode", "110105")))
			.andExpect(status().isFound());

		Map<String, Object> row = this.jdbc
			.sql("SELECT role, enterprise_id, jurisdiction_code FROM app_user WHERE username = 'new-platform'")
			.query()
			.singleRow();
		assertThat(row).containsEntry("role", "PLATFORM").containsEntry("enterprise_id", 5L);
		assertThat(row.get("jurisdiction_code")).isNull();
	}

	@Test
	void userNameCannotBeChangedByEditing() throws Exception {
		long id = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'executive'").query(Long.class).single();

		this.mvc
			.perform(post("/admin/users/" + id + "/edit").session(this.admin)
				.with(csrf())
				.param("username", "renamed")
				.param("displayName", "李主任")
				.param("role", "EXECUTIVE")
				.param("jurisdictionCode", "110000"))
			.andExpect(status().isFound());

		assertThat(this.jdbc.sql("SELECT username FROM app_user WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("executive");
	}

	@Test
	void administratorCannotDisableItself() throws Exception {
		long id = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'admin'").query(Long.class).single();

		this.mvc.perform(
				post("/admin/users/" + id + "/enabled").session(this.admin).with(csrf()).param("enabled", "false"));

		assertThat(this.jdbc.sql("SELECT enabled FROM app_user WHERE id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void disablingAUserIsAudited() throws Exception {
		this.mvc.perform(inspectorForm("to-disable", Map.of())).andExpect(status().isFound());
		long id = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'to-disable'").query(Long.class).single();

		this.mvc
			.perform(post("/admin/users/" + id + "/enabled").session(this.admin).with(csrf()).param("enabled", "false"))
			.andExpect(redirectedUrl("/admin/users/" + id + "/edit"));

		assertThat(this.jdbc.sql("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").query(String.class).single())
			.isEqualTo("USER_DISABLED");
	}

	@Test
	void unlockingALockedAccountLetsItSignInAgain() throws Exception {
		this.mvc.perform(inspectorForm("to-unlock", Map.of())).andExpect(status().isFound());
		long id = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'to-unlock'").query(Long.class).single();
		this.jdbc.sql("UPDATE app_user SET locked_until = UTC_TIMESTAMP() + INTERVAL 1 HOUR WHERE id = :id")
			.param("id", id)
			.update();
		this.mvc.perform(formLogin("/login").user("to-unlock").password(INITIAL_PASSWORD))
			.andExpect(redirectedUrl("/login?error"));

		this.mvc.perform(post("/admin/users/" + id + "/unlock").session(this.admin).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id + "/edit"));

		assertThat(SignIn.as(this.mvc, "to-unlock", INITIAL_PASSWORD)).isNotNull();
	}

	private MockHttpServletRequestBuilder inspectorForm(String username, Map<String, String> replaced) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("displayName", "测试检查员");
		fields.put("email", username + "@example.invalid");
		fields.put("role", "INSPECTOR");
		fields.put("jurisdictionCode", "110105");
		fields.put("password", INITIAL_PASSWORD);
		fields.putAll(replaced);
		MockHttpServletRequestBuilder request = post("/admin/users/new").session(this.admin).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private long userCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
	}

}
