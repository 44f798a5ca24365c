package cn.qinglang.inspect.enterprise;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An office sees its jurisdiction and below; a platform user sees only its enterprise.
 */
@PortalTest
class JurisdictionScopeIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void districtInspectorListsOnlyItsDistrictsEnterprises() throws Exception {
		long haidian = count("SELECT COUNT(*) FROM enterprise WHERE jurisdiction_code = '110108'");
		MockHttpSession session = SignIn.as(this.mvc, "inspector-haidian");

		this.mvc.perform(get("/enterprises").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 " + haidian + " 家企业")));
	}

	@Test
	void districtInspectorCannotOpenAnotherDistrictsEnterprise() throws Exception {
		long chaoyangId = count("SELECT MIN(id) FROM enterprise WHERE jurisdiction_code = '110105'");
		long haidianId = count("SELECT MIN(id) FROM enterprise WHERE jurisdiction_code = '110108'");
		MockHttpSession session = SignIn.as(this.mvc, "inspector-haidian");

		this.mvc.perform(get("/enterprises/" + haidianId).session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/enterprises/" + chaoyangId).session(session)).andExpect(status().isNotFound());
	}

	@Test
	void municipalInspectorSeesAllOfBeijingButNotShanghai() throws Exception {
		long beijing = count("""
				SELECT COUNT(*) FROM enterprise e JOIN jurisdiction j ON j.code = e.jurisdiction_code
				WHERE j.path LIKE '/000000/110000/%'""");
		long shanghaiId = count("""
				SELECT MIN(e.id) FROM enterprise e JOIN jurisdiction j ON j.code = e.jurisdiction_code
				WHERE j.path LIKE '/000000/310000/%'""");
		MockHttpSession session = SignIn.as(this.mvc, "executive");

		this.mvc.perform(get("/enterprises").session(session))
			.andExpect(content().string(containsString("共 " + beijing + " 家企业")));
		this.mvc.perform(get("/enterprises/" + shanghaiId).session(session)).andExpect(status().isNotFound());
	}

	@Test
	void jurisdictionFilterNarrowsTheListAndStaysInTheUrl() throws Exception {
		long chaoyang = count("SELECT COUNT(*) FROM enterprise WHERE jurisdiction_code = '110105'");
		MockHttpSession session = SignIn.as(this.mvc, "inspector");

		this.mvc.perform(get("/enterprises?jurisdiction=110105").session(session))
			.andExpect(content().string(containsString("共 " + chaoyang + " 家企业")))
			.andExpect(content().string(containsString("jurisdiction=110105&amp;page=2")));
	}

	@Test
	void platformUserSeesItsOwnEnterpriseOnly() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "qingqiong");
		String own = this.jdbc.sql("SELECT name_zh FROM enterprise WHERE code = 'qingqiong'")
			.query(String.class)
			.single();
		String other = this.jdbc.sql("SELECT name_zh FROM enterprise WHERE code <> 'qingqiong' ORDER BY id LIMIT 1")
			.query(String.class)
			.single();

		this.mvc.perform(get("/my-enterprise").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(own)))
			.andExpect(content().string(not(containsString(other))));
	}

	@Test
	void platformUserAskingForAnotherEnterpriseByIdIsRefused() throws Exception {
		long otherId = count("SELECT id FROM enterprise WHERE code <> 'qingqiong' ORDER BY id LIMIT 1");
		MockHttpSession session = SignIn.as(this.mvc, "qingqiong");

		this.mvc.perform(get("/enterprises/" + otherId).session(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/enterprises/" + otherId + "/edit").session(session))
			.andExpect(status().isForbidden());
	}

	@Test
	void searchMatchesCreditCodeAndTreatsWildcardsLiterally() throws Exception {
		String creditCode = this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id = 1")
			.query(String.class)
			.single();
		MockHttpSession session = SignIn.as(this.mvc, "inspector");

		this.mvc.perform(get("/enterprises").param("q", creditCode).session(session))
			.andExpect(content().string(containsString("共 1 家企业")));
		this.mvc.perform(get("/enterprises").param("q", "%").session(session))
			.andExpect(content().string(containsString("共 0 家企业")));
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
