package cn.qinglang.inspect.rectification;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A platform user reaches nothing of another enterprise, however it asks: lists, pages,
 * forms with guessed ids, downloads. Each denial leaves the data as it was.
 */
@PortalTest
class PlatformIsolationIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	EnforcementSteps steps;

	/** An order of enterprise 2, with one submission carrying a file. */
	long otherOrder;

	long otherMeasure;

	long otherFile;

	MockHttpSession intruder;

	@BeforeEach
	void orderOfAnotherEnterprise() throws Exception {
		this.steps = new EnforcementSteps(this.mvc, this.jdbc);
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
		long inspection = this.steps.openInspection(inspector, 2);
		long finding = this.steps.recordFinding(inspector, inspection, "PLT-02", "未添加显著提示");
		this.otherOrder = this.steps.issueOrder(inspector, inspection, List.of(finding), List.of("添加提示标识"));
		this.otherMeasure = this.steps.measureIds(this.otherOrder).get(0);
		String owner = this.jdbc.sql("SELECT code FROM enterprise WHERE id = 2").query(String.class).single();
		// content of its own: the store keeps one copy per content, shared by whoever
		// sent it
		byte[] own = ("平台整改说明 " + System.nanoTime()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		this.steps.submit(SignIn.as(this.mvc, owner), this.otherOrder, this.otherMeasure,
				new org.springframework.mock.web.MockMultipartFile("files", "平台整改.txt", "text/plain", own));
		this.otherFile = this.jdbc.sql("""
				SELECT sf.file_object_id FROM submission_file sf JOIN measure_submission s ON s.id = sf.submission_id
				WHERE s.measure_id = :m""").param("m", this.otherMeasure).query(Long.class).single();
		this.intruder = SignIn.as(this.mvc, "qingqiong");
	}

	@Test
	void anotherEnterprisesOrderIsNotListedNorShown() throws Exception {
		String number = this.jdbc.sql("SELECT number FROM rectification_order WHERE id = :o")
			.param("o", this.otherOrder)
			.query(String.class)
			.single();

		this.mvc.perform(get("/my-enterprise/orders").session(this.intruder))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(number))));
		this.mvc.perform(get("/my-enterprise/orders/" + this.otherOrder).session(this.intruder))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/orders/" + this.otherOrder).session(this.intruder)).andExpect(status().isForbidden());
		this.mvc.perform(get("/inspections").session(this.intruder)).andExpect(status().isForbidden());
	}

	@Test
	void evidenceCannotBeSubmittedToAnotherEnterprisesOrder() throws Exception {
		long before = submissions();

		this.mvc
			.perform(
					post("/my-enterprise/orders/" + this.otherOrder + "/measures/" + this.otherMeasure + "/submissions")
						.session(this.intruder)
						.with(csrf())
						.param("statement", "冒充提交")
						.param("effectiveDate", "2026-06-01"))
			.andExpect(status().isNotFound());

		assertThat(submissions()).isEqualTo(before);
	}

	@Test
	void guessedMeasureIdInOwnOrderUrlIsRefused() throws Exception {
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
		long inspection = this.steps.openInspection(inspector, 1);
		long finding = this.steps.recordFinding(inspector, inspection, "GEN-01", "无显式标识");
		long ownOrder = this.steps.issueOrder(inspector, inspection, List.of(finding), List.of("添加显式标识"));
		long before = submissions();

		this.mvc
			.perform(post("/my-enterprise/orders/" + ownOrder + "/measures/" + this.otherMeasure + "/submissions")
				.session(this.intruder)
				.with(csrf())
				.param("statement", "借用本企业通知提交他人措施")
				.param("effectiveDate", "2026-06-01"))
			.andExpect(status().isNotFound());

		assertThat(submissions()).isEqualTo(before);
	}

	@Test
	void anotherEnterprisesFileCannotBeDownloaded() throws Exception {
		this.mvc.perform(get("/files/" + this.otherFile).session(this.intruder)).andExpect(status().isNotFound());
	}

	@Test
	void extensionCannotBeRequestedForAnotherEnterprisesOrder() throws Exception {
		this.mvc
			.perform(post("/my-enterprise/orders/" + this.otherOrder + "/extensions").session(this.intruder)
				.with(csrf())
				.param("requestedDeadline", "2027-01-31")
				.param("reason", "冒充申请"))
			.andExpect(status().isNotFound());

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM deadline_extension WHERE order_id = :o")
			.param("o", this.otherOrder)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void districtInspectorCannotReviewAnotherDistrictsOrder() throws Exception {
		String chaoyangCode = this.jdbc
			.sql("SELECT code FROM enterprise WHERE jurisdiction_code = '110105' ORDER BY id LIMIT 1")
			.query(String.class)
			.single();
		long chaoyang = this.jdbc.sql("SELECT id FROM enterprise WHERE code = :c")
			.param("c", chaoyangCode)
			.query(Long.class)
			.single();
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
		long inspection = this.steps.openInspection(inspector, chaoyang);
		long finding = this.steps.recordFinding(inspector, inspection, "GEN-01", "无显式标识");
		long order = this.steps.issueOrder(inspector, inspection, List.of(finding), List.of("添加显式标识"));
		long measure = this.steps.measureIds(order).get(0);
		this.steps.submit(SignIn.as(this.mvc, chaoyangCode), order, measure, EnforcementSteps.pdf("a.pdf"));
		MockHttpSession haidian = SignIn.as(this.mvc, "inspector-haidian");

		this.mvc.perform(get("/orders/" + order).session(haidian)).andExpect(status().isNotFound());
		this.steps.review(haidian, order, this.steps.latestSubmission(measure), "ACCEPTED");

		assertThat(this.jdbc.sql("SELECT review_outcome FROM measure_submission WHERE measure_id = :m")
			.param("m", measure)
			.query(String.class)
			.optional()).isEmpty();
	}

	private long submissions() {
		return this.jdbc.sql("SELECT COUNT(*) FROM measure_submission").query(Long.class).single();
	}

}
