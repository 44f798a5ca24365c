package cn.qinglang.inspect.enterprise;

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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ADMIN's enterprise forms: bad input is refused with a message and nothing stored; good
 * input is stored and audited with its before and after.
 */
@PortalTest
class EnterpriseAdministrationIT {

	/** Valid check character: computed by {@link CreditCode} in the test's own set-up. */
	private static final String NEW_CREDIT_CODE_17 = "91110108MA0TEXT01";

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
		String existingCode = "qingqiong";
		return Stream.of(Arguments.of("empty name", "nameZh", "", "此项为必填项"),
				Arguments.of("name too long", "nameZh", "北".repeat(101), "长度须在"),
				Arguments.of("wrong check character", "creditCode", wrongCheckCharacter(), "校验位符合 GB 32100-2015"),
				Arguments.of("credit code with letter O", "creditCode", "91110108MA0TEXTO1X", "GB 32100"),
				Arguments.of("duplicate code", "code", existingCode, "该企业代号已被使用"),
				Arguments.of("script tag in name", "nameZh", "<script>alert('x')</script>", "不得包含"),
				Arguments.of("script tag in English name", "nameEn", "<img src=x onerror=alert(1)>", "不得包含"),
				Arguments.of("code with upper case", "code", "Bad Code", "企业代号须以小写字母开头"),
				Arguments.of("unknown jurisdiction", "jurisdictionCode", "999999", "请选择有效的属地"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badForms")
	void badInputIsRefusedWithAMessageAndNothingIsStored(String label, String field, String value, String message)
			throws Exception {
		long before = enterpriseCount();
		Map<String, String> replaced = new LinkedHashMap<>(Map.of("code", "probe-x"));
		replaced.put(field, value);

		this.mvc.perform(validForm("/admin/enterprises/new", replaced))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", field))
			.andExpect(content().string(containsString(message)));

		assertThat(enterpriseCount()).isEqualTo(before);
	}

	@Test
	void duplicateCreditCodeIsRefused() throws Exception {
		String taken = this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id = 2").query(String.class).single();
		long before = enterpriseCount();

		this.mvc.perform(validForm("/admin/enterprises/new", Map.of("code", "dup-credit", "creditCode", taken)))
			.andExpect(model().attributeHasFieldErrors("form", "creditCode"))
			.andExpect(content().string(containsString("该统一社会信用代码已登记")));

		assertThat(enterpriseCount()).isEqualTo(before);
	}

	@Test
	void refusedScriptTagsAreShownEscapedNeverAsMarkup() throws Exception {
		this.mvc
			.perform(validForm("/admin/enterprises/new",
					Map.of("code", "xss-probe", "nameZh", "<script>alert(1)</script>")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
	}

	@Test
	void validEnterpriseIsStoredNormalisedAndAudited() throws Exception {
		String lowerCase = creditCode().toLowerCase();

		this.mvc
			.perform(validForm("/admin/enterprises/new",
					Map.of("code", "xinqi-test", "creditCode", " " + lowerCase + " ")))
			.andExpect(status().isFound())
			.andExpect(redirectedUrlPattern("/admin/enterprises/*/edit"));

		String stored = this.jdbc.sql("SELECT credit_code FROM enterprise WHERE code = 'xinqi-test'")
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(creditCode());
		String audit = this.jdbc.sql("""
				SELECT detail FROM audit_log WHERE action = 'ENTERPRISE_CREATED' AND actor = 'admin'
				ORDER BY id DESC LIMIT 1""").query(String.class).single();
		assertThat(audit).contains("\"before\":null").contains("北京新启智能科技有限公司").contains(creditCode());
	}

	@Test
	void editIsAuditedWithBeforeAndAfter() throws Exception {
		long id = 3;
		String oldName = this.jdbc.sql("SELECT name_zh FROM enterprise WHERE id = 3").query(String.class).single();
		String code = this.jdbc.sql("SELECT code FROM enterprise WHERE id = 3").query(String.class).single();
		String credit = this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id = 3").query(String.class).single();

		this.mvc
			.perform(post("/admin/enterprises/" + id + "/edit").session(this.admin)
				.with(csrf())
				.param("code", code)
				.param("nameZh", "北京更名后科技有限公司")
				.param("creditCode", credit)
				.param("kind", "BOTH")
				.param("jurisdictionCode", "110108")
				.param("status", "ACTIVE"))
			.andExpect(status().isFound());

		String detail = this.jdbc.sql("""
				SELECT detail FROM audit_log WHERE action = 'ENTERPRISE_UPDATED' AND target_id = '3'
				ORDER BY id DESC LIMIT 1""").query(String.class).single();
		assertThat(detail).contains(oldName).contains("北京更名后科技有限公司");
	}

	@Test
	void suspendingAnEnterpriseIsStoredAndAudited() throws Exception {
		this.mvc
			.perform(post("/admin/enterprises/4/status").session(this.admin).with(csrf()).param("status", "SUSPENDED"))
			.andExpect(status().isFound());

		assertThat(this.jdbc.sql("SELECT status FROM enterprise WHERE id = 4").query(String.class).single())
			.isEqualTo("SUSPENDED");
		assertThat(this.jdbc.sql("""
				SELECT detail FROM audit_log WHERE action = 'ENTERPRISE_STATUS_CHANGED' AND target_id = '4'
				ORDER BY id DESC LIMIT 1""").query(String.class).single()).contains("ACTIVE").contains("SUSPENDED");
	}

	@Test
	void formWithoutCsrfTokenIsRefused() throws Exception {
		long before = enterpriseCount();

		this.mvc
			.perform(post("/admin/enterprises/new").session(this.admin)
				.param("code", "no-csrf")
				.param("nameZh", "北京无令牌科技有限公司"))
			.andExpect(status().isForbidden());

		assertThat(enterpriseCount()).isEqualTo(before);
	}

	@Test
	void inspectorCannotCreateEnterprises() throws Exception {
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
		long before = enterpriseCount();

		this.mvc.perform(validForm("/admin/enterprises/new", Map.of("code", "by-inspector")).session(inspector))
			.andExpect(status().isForbidden());

		assertThat(enterpriseCount()).isEqualTo(before);
	}

	/** A valid form, with some fields replaced. */
	private MockHttpServletRequestBuilder validForm(String path, Map<String, String> replaced) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("nameZh", "北京新启智能科技有限公司");
		fields.put("nameEn", "Beijing Xinqi Intelligence Co., Ltd.");
		fields.put("creditCode", creditCode());
		fields.put("kind", "GENERATION_PROVIDER");
		fields.put("algorithmFilingNo", "网信算备110108000000001250001号");
		fields.put("jurisdictionCode", "110108");
		fields.put("status", "ACTIVE");
		fields.putAll(replaced);
		MockHttpServletRequestBuilder request = post(path).session(this.admin).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private static String wrongCheckCharacter() {
		char right = CreditCode.checkCharacter(NEW_CREDIT_CODE_17);
		return NEW_CREDIT_CODE_17 + ((right == '0') ? '1' : '0');
	}

	private static String creditCode() {
		return NEW_CREDIT_CODE_17 + CreditCode.checkCharacter(NEW_CREDIT_CODE_17);
	}

	private long enterpriseCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM enterprise").query(Long.class).single();
	}

}
