package cn.qinglang.inspect.rectification;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.support.EnforcementSteps;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * After an order closes: a re-inspection that finds the issue again escalates. And the
 * catalog: items added and retired by ADMIN, retired items kept on old findings.
 */
@PortalTest
class ReinspectionAndCatalogIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void findingFoundAgainAtReinspectionEscalatesToAFurtherOrder() throws Exception {
		EnforcementSteps steps = new EnforcementSteps(this.mvc, this.jdbc);
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
		MockHttpSession platform = SignIn.as(this.mvc, "qingqiong");
		long inspection = steps.openInspection(inspector, 1);
		long finding = steps.recordFinding(inspector, inspection, "ANY-01", "提供去除水印工具");
		long first = steps.issueOrder(inspector, inspection, List.of(finding), List.of("下架去水印功能"));
		long measure = steps.measureIds(first).get(0);
		steps.submit(platform, first, measure, EnforcementSteps.pdf("下架.pdf"));
		steps.review(inspector, first, steps.latestSubmission(measure), "ACCEPTED");

		this.mvc.perform(post("/orders/" + first + "/reinspection").session(inspector).with(csrf()))
			.andExpect(redirectedUrl("/inspections/new?enterprise=1&followUpOf=" + first));
		long followUp = idAfter(this.mvc
			.perform(post("/inspections/new").session(inspector)
				.with(csrf())
				.param("enterprise", "1")
				.param("followUpOf", Long.toString(first))
				.param("kind", "ON_SITE")
				.param("date", LocalDate.now().toString())
				.param("inspectors", "王检查")
				.param("scope", "复查去水印功能下架情况"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl());
		long itemId = this.jdbc.sql("SELECT id FROM catalog_item WHERE code = 'ANY-01'").query(Long.class).single();
		this.mvc.perform(post("/inspections/" + followUp + "/findings").session(inspector)
			.with(csrf())
			.param("catalogItemId", Long.toString(itemId))
			.param("description", "去水印功能换名后重新上线")
			.param("recurrenceOfFindingId", Long.toString(finding)));
		long again = this.jdbc.sql("SELECT id FROM finding WHERE inspection_id = :i")
			.param("i", followUp)
			.query(Long.class)
			.single();

		this.mvc.perform(get("/inspections/" + followUp + "/orders/new").session(inspector))
			.andExpect(content().string(containsString("value=\"WARNING\" selected")));
		long second = steps.issueOrder(inspector, followUp, List.of(again), List.of("永久下线并处警告"));

		assertThat(this.jdbc.sql("SELECT escalation_of_order_id FROM rectification_order WHERE id = :o")
			.param("o", second)
			.query(Long.class)
			.single()).isEqualTo(first);
		this.mvc.perform(get("/orders/" + second).session(inspector))
			.andExpect(content().string(containsString("升级处置")));
	}

	@Test
	void reinspectionOfAnOpenOrderIsRefused() throws Exception {
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");

		var result = this.mvc.perform(post("/orders/2/reinspection").session(inspector).with(csrf())).andReturn();

		assertThat(result.getFlashMap().get("problem")).isEqualTo("reinspection.orderOpen");
	}

	@Test
	void retiredCatalogItemStaysOnOldFindingsButCannotBeCitedAgain() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		this.mvc
			.perform(post("/admin/catalog").session(admin)
				.with(csrf())
				.param("code", "TMP-01")
				.param("titleZh", "临时问题")
				.param("titleEn", "Temporary issue")
				.param("legalBasis", "《人工智能生成合成内容标识办法》")
				.param("appliesTo", "ANY")
				.param("defaultSeverity", "LOW"))
			.andExpect(status().isFound());
		long item = this.jdbc.sql("SELECT id FROM catalog_item WHERE code = 'TMP-01'").query(Long.class).single();
		EnforcementSteps steps = new EnforcementSteps(this.mvc, this.jdbc);
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
		long inspection = steps.openInspection(inspector, 1);
		steps.recordFinding(inspector, inspection, "TMP-01", "临时问题实例");

		this.mvc.perform(post("/admin/catalog/" + item + "/retire").session(admin).with(csrf()))
			.andExpect(status().isFound());

		this.mvc.perform(get("/inspections/" + inspection).session(inspector))
			.andExpect(content().string(containsString("TMP-01 临时问题")));
		var refused = steps.postFinding(inspector, inspection, "TMP-01", "再次引用已停用条目");
		assertThat(refused.getFlashMap().get("problem")).isEqualTo("finding.catalog.unknown");
		assertThat(this.jdbc.sql("SELECT action FROM audit_log WHERE action LIKE 'CATALOG_ITEM_%' ORDER BY id")
			.query(String.class)
			.list()).containsSubsequence("CATALOG_ITEM_ADDED", "CATALOG_ITEM_RETIRED");
	}

	@Test
	void catalogItemWithMarkupIsRefused() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		long before = this.jdbc.sql("SELECT COUNT(*) FROM catalog_item").query(Long.class).single();

		this.mvc
			.perform(post("/admin/catalog").session(admin)
				.with(csrf())
				.param("code", "BAD-01")
				.param("titleZh", "<script>x</script>")
				.param("titleEn", "x")
				.param("legalBasis", "x")
				.param("appliesTo", "ANY")
				.param("defaultSeverity", "LOW"))
			.andExpect(status().isOk());

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM catalog_item").query(Long.class).single()).isEqualTo(before);
	}

	private static long idAfter(String redirect) {
		return Long.parseLong(redirect.substring("/inspections/".length()));
	}

}
