package cn.qinglang.inspect.rectification;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.qinglang.inspect.support.EnforcementSteps;
import cn.qinglang.inspect.support.Hashes;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The enforcement loop through the portal's own requests: inspection, findings, order,
 * evidence, return, resubmission, acceptance, closure.
 */
@PortalTest
class RectificationLoopIT {

	/** Demo enterprise 1 (Haidian) and its platform account. */
	private static final long ENTERPRISE = 1;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	EnforcementSteps steps;

	MockHttpSession inspector;

	MockHttpSession platform;

	@BeforeEach
	void signIn() throws Exception {
		this.steps = new EnforcementSteps(this.mvc, this.jdbc);
		this.inspector = SignIn.as(this.mvc, "inspector");
		this.platform = SignIn.as(this.mvc, "qingqiong");
	}

	@Test
	void orderClosesWhenEveryMeasureIsAcceptedAfterAReturnAndAResubmission() throws Exception {
		long inspection = this.steps.openInspection(this.inspector, ENTERPRISE);
		long first = this.steps.recordFinding(this.inspector, inspection, "GEN-01", "导出图片无显式标识");
		long second = this.steps.recordFinding(this.inspector, inspection, "GEN-03", "元数据缺少 AIGC 隐式标识");
		long order = this.steps.issueOrder(this.inspector, inspection, List.of(first, second),
				List.of("为导出图片添加显式标识", "按 GB 45438-2025 写入隐式标识"));
		List<Long> measures = this.steps.measureIds(order);
		assertThat(orderStatus(order)).isEqualTo("ISSUED");

		this.steps.submit(this.platform, order, measures.get(0), EnforcementSteps.pdf("显式标识整改报告.pdf"));
		this.steps.submit(this.platform, order, measures.get(1), EnforcementSteps.pdf("隐式标识.pdf"));
		assertThat(orderStatus(order)).isEqualTo("IN_RECTIFICATION");

		this.steps.review(this.inspector, order, this.steps.latestSubmission(measures.get(0)), "ACCEPTED");
		this.steps.review(this.inspector, order, this.steps.latestSubmission(measures.get(1)), "RETURNED");
		assertThat(orderStatus(order)).isEqualTo("IN_RECTIFICATION");

		this.steps.submit(this.platform, order, measures.get(1), EnforcementSteps.pdf("隐式标识-补充.pdf"));
		this.steps.review(this.inspector, order, this.steps.latestSubmission(measures.get(1)), "ACCEPTED");

		assertThat(orderStatus(order)).isEqualTo("CLOSED");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM measure_submission WHERE measure_id = :m")
			.param("m", measures.get(1))
			.query(Long.class)
			.single()).as("every version kept").isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT kind FROM order_event WHERE order_id = :o ORDER BY id")
			.param("o", order)
			.query(String.class)
			.list()).containsExactly("ORDER_ISSUED", "EVIDENCE_SUBMITTED", "EVIDENCE_SUBMITTED", "SUBMISSION_ACCEPTED",
					"SUBMISSION_RETURNED", "EVIDENCE_SUBMITTED", "SUBMISSION_ACCEPTED", "ORDER_CLOSED");
		assertThat(this.jdbc.sql("SELECT action FROM audit_log WHERE action IN ('ORDER_ISSUED', 'ORDER_CLOSED', "
				+ "'EVIDENCE_SUBMITTED', 'SUBMISSION_REVIEWED', 'INSPECTION_OPENED', 'FINDING_RECORDED') ORDER BY id")
			.query(String.class)
			.list()).contains("INSPECTION_OPENED", "FINDING_RECORDED", "ORDER_ISSUED", "EVIDENCE_SUBMITTED",
					"SUBMISSION_REVIEWED", "ORDER_CLOSED");
	}

	@Test
	void orderNumberCarriesTheOfficePrefixAndYearAndIsNeverReused() throws Exception {
		long inspection = this.steps.openInspection(this.inspector, ENTERPRISE);
		long finding = this.steps.recordFinding(this.inspector, inspection, "PLT-01", "未核验隐式标识");

		long a = this.steps.issueOrder(this.inspector, inspection, List.of(finding), List.of("建立核验机制"));
		long b = this.steps.issueOrder(this.inspector, inspection, List.of(finding), List.of("建立核验机制"));

		String numberA = number(a);
		String numberB = number(b);
		int year = LocalDate.now().getYear();
		assertThat(numberA).startsWith("京网信整改〔" + year + "〕").endsWith("号");
		assertThat(numberB).isNotEqualTo(numberA);
		assertThat(sequence(b)).isEqualTo(sequence(a) + 1);
	}

	@Test
	void shownHashesAreThoseOfTheSubmittedFile() throws Exception {
		long inspection = this.steps.openInspection(this.inspector, ENTERPRISE);
		long finding = this.steps.recordFinding(this.inspector, inspection, "GEN-02", "下载文件丢失显式标识");
		long order = this.steps.issueOrder(this.inspector, inspection, List.of(finding), List.of("保留显式标识"));
		long measure = this.steps.measureIds(order).get(0);
		byte[] text = "整改说明：导出文件均已保留显式标识。\n".getBytes(StandardCharsets.UTF_8);

		this.steps.submit(this.platform, order, measure,
				new org.springframework.mock.web.MockMultipartFile("files", "说明.txt", "text/plain", text));

		String page = this.mvc.perform(get("/orders/" + order).session(this.inspector))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(Hashes.sha256(text)).contains(Hashes.sm3(text)).contains("说明.txt");
		long fileId = this.jdbc.sql("SELECT id FROM file_object WHERE sha256 = :h")
			.param("h", Hashes.sha256(text))
			.query(Long.class)
			.single();
		byte[] downloaded = this.mvc.perform(get("/files/" + fileId).session(this.platform))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(downloaded).isEqualTo(text);
	}

	@Test
	void deadlineExtensionIsRequestedGrantedAndRecorded() throws Exception {
		long inspection = this.steps.openInspection(this.inspector, ENTERPRISE);
		long finding = this.steps.recordFinding(this.inspector, inspection, "PLT-04", "未提供用户声明功能");
		long order = this.steps.issueOrder(this.inspector, inspection, List.of(finding), List.of("上线声明功能"));
		LocalDate wanted = LocalDate.now().plusDays(40);

		this.mvc.perform(post("/my-enterprise/orders/" + order + "/extensions").session(this.platform)
			.with(csrf())
			.param("requestedDeadline", wanted.toString())
			.param("reason", "需完成应用商店版本审核"));
		long extension = this.jdbc.sql("SELECT id FROM deadline_extension WHERE order_id = :o")
			.param("o", order)
			.query(Long.class)
			.single();
		this.mvc.perform(post("/orders/" + order + "/extensions/" + extension + "/decision").session(this.inspector)
			.with(csrf())
			.param("decision", "GRANTED")
			.param("comment", "同意"));

		assertThat(this.jdbc.sql("SELECT deadline FROM rectification_order WHERE id = :o")
			.param("o", order)
			.query(LocalDate.class)
			.single()).isEqualTo(wanted);
		this.mvc.perform(get("/orders/" + order).session(this.inspector))
			.andExpect(content().string(containsString("同意延期")));
	}

	@Test
	void submittedVersionCannotBeChangedEvenInTheDatabase() throws Exception {
		long inspection = this.steps.openInspection(this.inspector, ENTERPRISE);
		long finding = this.steps.recordFinding(this.inspector, inspection, "GEN-06", "日志未留存");
		long order = this.steps.issueOrder(this.inspector, inspection, List.of(finding), List.of("日志留存"));
		long measure = this.steps.measureIds(order).get(0);
		this.steps.submit(this.platform, order, measure, EnforcementSteps.pdf("日志.pdf"));
		long submission = this.steps.latestSubmission(measure);

		assertThatThrownBy(() -> this.jdbc.sql("UPDATE measure_submission SET statement = '改过' WHERE id = :s")
			.param("s", submission)
			.update()).hasMessageContaining("immutable");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM submission_file WHERE submission_id = :s")
			.param("s", submission)
			.update()).hasMessageContaining("immutable");
		this.steps.review(this.inspector, order, submission, "ACCEPTED");
		assertThatThrownBy(
				() -> this.jdbc.sql("UPDATE measure_submission SET review_outcome = 'RETURNED' WHERE id = :s")
					.param("s", submission)
					.update())
			.hasMessageContaining("immutable");
	}

	@Test
	void closedInspectionTakesNoMoreFindings() throws Exception {
		long inspection = this.steps.openInspection(this.inspector, ENTERPRISE);
		this.mvc.perform(post("/inspections/" + inspection + "/close").session(this.inspector).with(csrf()));
		long before = findingCount();

		MvcResult refused = this.steps.postFinding(this.inspector, inspection, "GEN-01", "结束后再记录");

		assertThat(refused.getFlashMap().get("problem")).isEqualTo("inspection.notOpen");
		assertThat(findingCount()).isEqualTo(before);
	}

	@Test
	void executiveReadsOrdersButCannotReview() throws Exception {
		long inspection = this.steps.openInspection(this.inspector, ENTERPRISE);
		long finding = this.steps.recordFinding(this.inspector, inspection, "GEN-05", "协议未说明标识");
		long order = this.steps.issueOrder(this.inspector, inspection, List.of(finding), List.of("修订用户协议"));
		this.steps.submit(this.platform, order, this.steps.measureIds(order).get(0), EnforcementSteps.pdf("协议.pdf"));
		MockHttpSession executive = SignIn.as(this.mvc, "executive");

		this.mvc.perform(get("/orders/" + order).session(executive)).andExpect(status().isOk());
		this.mvc
			.perform(post("/orders/" + order + "/submissions/"
					+ this.steps.latestSubmission(this.steps.measureIds(order).get(0)) + "/review")
				.session(executive)
				.with(csrf())
				.param("outcome", "ACCEPTED"))
			.andExpect(status().isForbidden());
		assertThat(orderStatus(order)).isEqualTo("IN_RECTIFICATION");
	}

	private long findingCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM finding").query(Long.class).single();
	}

	private String orderStatus(long order) {
		return this.jdbc.sql("SELECT status FROM rectification_order WHERE id = :o")
			.param("o", order)
			.query(String.class)
			.single();
	}

	private String number(long order) {
		return this.jdbc.sql("SELECT number FROM rectification_order WHERE id = :o")
			.param("o", order)
			.query(String.class)
			.single();
	}

	private int sequence(long order) {
		return this.jdbc.sql("SELECT sequence_no FROM rectification_order WHERE id = :o")
			.param("o", order)
			.query(Integer.class)
			.single();
	}

}
