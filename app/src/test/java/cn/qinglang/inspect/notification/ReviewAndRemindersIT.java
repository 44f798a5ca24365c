package cn.qinglang.inspect.notification;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.support.EnforcementSteps;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;
import cn.qinglang.inspect.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Two inspectors reviewing one submission, the daily reminders on chosen days, and the
 * notifications they leave.
 */
@PortalTest
class ReviewAndRemindersIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeadlineReminders reminders;

	@Test
	void concurrentReviewsOfOneSubmissionLetOneWinAndTellTheOther() throws Exception {
		EnforcementSteps steps = new EnforcementSteps(this.mvc, this.jdbc);
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
		long inspection = steps.openInspection(inspector, 1);
		long finding = steps.recordFinding(inspector, inspection, "GEN-06", "日志未留存");
		long order = steps.issueOrder(inspector, inspection, List.of(finding), List.of("日志留存六个月"));
		long measure = steps.measureIds(order).get(0);
		steps.submit(SignIn.as(this.mvc, "qingqiong"), order, measure, EnforcementSteps.pdf("日志.pdf"));
		long submission = steps.latestSubmission(measure);
		TestAccounts.create(this.jdbc, "second-inspector", "INSPECTOR", "110000");
		MockHttpSession second = SignIn.as(this.mvc, "second-inspector");

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Object>> reviews = new ArrayList<>();
		for (var reviewer : List.of(inspector, second)) {
			reviews.add(pool.submit(() -> {
				start.await();
				return steps.review(reviewer, order, submission, "ACCEPTED").getFlashMap().get("problem");
			}));
		}
		start.countDown();
		List<Object> problems = new ArrayList<>();
		for (Future<Object> review : reviews) {
			problems.add(review.get());
		}
		pool.shutdown();

		// the loser is told either that the submission was reviewed or, when the winner's
		// acceptance has already closed the order (its only measure), that it is closed
		assertThat(problems).containsOnlyOnce((Object) null);
		assertThat(problems).filteredOn((problem) -> problem != null)
			.singleElement()
			.isIn("review.alreadyReviewed", "order.closed");
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM order_event WHERE order_id = :o AND kind = 'SUBMISSION_ACCEPTED'")
					.param("o", order)
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void remindersGoOutSevenThreeAndOneDayBeforeAndOnceAfterTheDeadline() throws Exception {
		this.jdbc.sql("UPDATE app_user SET email = 'compliance@qingqiong.example' WHERE username = 'qingqiong'")
			.update();
		EnforcementSteps steps = new EnforcementSteps(this.mvc, this.jdbc);
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
		long inspection = steps.openInspection(inspector, 1);
		long finding = steps.recordFinding(inspector, inspection, "PLT-05", "投诉未处置");
		long order = steps.issueOrder(inspector, inspection, List.of(finding), List.of("处置积压投诉"));
		LocalDate deadline = this.jdbc.sql("SELECT deadline FROM rectification_order WHERE id = :o")
			.param("o", order)
			.query(LocalDate.class)
			.single();

		this.reminders.run(deadline.minusDays(8));
		assertThat(reminderKinds(order)).isEmpty();
		this.reminders.run(deadline.minusDays(7));
		this.reminders.run(deadline.minusDays(7));
		this.reminders.run(deadline.minusDays(3));
		this.reminders.run(deadline.minusDays(1));
		this.reminders.run(deadline.plusDays(1));
		this.reminders.run(deadline.plusDays(2));

		assertThat(reminderKinds(order)).containsExactly("DEADLINE_IN_7", "DEADLINE_IN_3", "DEADLINE_IN_1",
				"DEADLINE_PASSED");
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM mail_outbox WHERE to_address = 'compliance@qingqiong.example'"
					+ " AND body LIKE '%已超过整改期限%'")
			.query(Long.class)
			.single()).isEqualTo(1);
		this.mvc.perform(get("/notifications").session(SignIn.as(this.mvc, "qingqiong")))
			.andExpect(content().string(containsString("已超过整改期限")));
	}

	@Test
	void inspectorIsNotifiedWhenEvidenceArrives() throws Exception {
		EnforcementSteps steps = new EnforcementSteps(this.mvc, this.jdbc);
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
		long inspection = steps.openInspection(inspector, 1);
		long finding = steps.recordFinding(inspector, inspection, "PLT-03", "未添加传播元数据");
		long order = steps.issueOrder(inspector, inspection, List.of(finding), List.of("写入传播平台信息"));

		steps.submit(SignIn.as(this.mvc, "qingqiong"), order, steps.measureIds(order).get(0),
				EnforcementSteps.pdf("元数据.pdf"));

		// the notification is written after the commit, by a listener of its own
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id
					WHERE u.username = 'inspector' AND n.order_id = :o AND n.kind = 'EVIDENCE_SUBMITTED'""")
				.param("o", order)
				.query(Long.class)
				.single()).isEqualTo(1));
		this.mvc.perform(get("/").session(inspector))
			.andExpect(content().string(containsString("id=\"unread-count\"")));
	}

	private List<String> reminderKinds(long order) {
		return this.jdbc.sql("""
				SELECT n.kind FROM notification n JOIN app_user u ON u.id = n.user_id
				WHERE u.username = 'qingqiong' AND n.order_id = :o AND n.kind LIKE 'DEADLINE%' ORDER BY n.id""")
			.param("o", order)
			.query(String.class)
			.list();
	}

}
