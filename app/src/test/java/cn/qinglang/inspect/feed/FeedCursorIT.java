package cn.qinglang.inspect.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.batch.feed.FeedRuns;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A feed's cursor through the portal: a new endpoint starts from the beginning, an
 * administrator resets the cursor to the start or to a day (audited, refused while the
 * feed runs, refused to others), and an interrupted run is shown so and restarted with
 * one button. Against the demo profile's simulated platforms.
 */
@PortalTest
class FeedCursorIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FeedRuns feedRuns;

	@LocalServerPort
	int port;

	@Test
	void changingTheEndpointResetsTheCursorSoTheFirstRunOfTheNewOneCompletes() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		long enterprise = 21;
		configure(admin, enterprise, "http://127.0.0.1:" + this.port + "/demo-platform/" + code(enterprise));
		// where the old endpoint had got to: a cursor the new endpoint answers with 400
		this.jdbc.sql("UPDATE feed SET cursor_value = 'old-endpoint-page-42' WHERE enterprise_id = :e")
			.param("e", enterprise)
			.update();

		configure(admin, enterprise, "http://localhost:" + this.port + "/demo-platform/" + code(enterprise));

		assertThat(cursor(enterprise)).isNull();
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM audit_log WHERE action = 'FEED_CURSOR_RESET' AND target_id = :e AND actor = 'admin'
				  AND detail LIKE '%old-endpoint-page-42%' AND detail LIKE '%endpoint changed%'""")
			.param("e", String.valueOf(enterprise))
			.query(Long.class)
			.single()).isEqualTo(1);
		this.mvc.perform(post("/admin/feeds/" + enterprise + "/run").with(csrf()).session(admin))
			.andExpect(flash().attribute("message", "feed.runStarted"));
		assertThat(awaitLatestRun(enterprise)).isEqualTo("COMPLETED");
		assertThat(firstMetricDay(enterprise)).isEqualTo(LocalDate.of(2025, 9, 1));
	}

	@Test
	void adminResetsTheCursorToADayAndTheNextRunPullsFromThatDayOn() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		long enterprise = 22;
		configure(admin, enterprise, "http://127.0.0.1:" + this.port + "/demo-platform/" + code(enterprise));
		this.jdbc.sql("UPDATE feed SET cursor_value = '2026-11-30:0' WHERE enterprise_id = :e")
			.param("e", enterprise)
			.update();

		this.mvc.perform(
				post("/admin/feeds/" + enterprise + "/cursor").with(csrf()).session(admin).param("since", "2026-06-01"))
			.andExpect(flash().attribute("message", "feed.cursor.resetToDay"));

		assertThat(cursor(enterprise)).isNull();
		this.mvc.perform(get("/admin/feeds/" + enterprise).session(admin))
			.andExpect(content().string(containsString("自 2026-06-01 起（已重置）")));
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'FEED_CURSOR_RESET' AND target_id = :e "
					+ "AND detail LIKE '%2026-11-30:0%' AND detail LIKE '%2026-06-01%'")
			.param("e", String.valueOf(enterprise))
			.query(Long.class)
			.single()).isEqualTo(1);
		this.mvc.perform(post("/admin/feeds/" + enterprise + "/run").with(csrf()).session(admin));
		assertThat(awaitLatestRun(enterprise)).isEqualTo("COMPLETED");
		assertThat(firstMetricDay(enterprise)).isEqualTo(LocalDate.of(2026, 6, 1));

		this.mvc.perform(post("/admin/feeds/" + enterprise + "/cursor").with(csrf()).session(admin))
			.andExpect(flash().attribute("message", "feed.cursor.resetToStart"));
		assertThat(cursor(enterprise)).isNull();
		assertThat(this.jdbc.sql("SELECT cursor_since FROM feed WHERE enterprise_id = :e")
			.param("e", enterprise)
			.query(LocalDate.class)
			.optional()).isEmpty();
		this.mvc
			.perform(post("/admin/feeds/" + enterprise + "/cursor").with(csrf())
				.session(SignIn.as(this.mvc, "inspector")))
			.andExpect(status().isForbidden());
	}

	@Test
	void cursorOfARunningFeedIsNotResetAndItsEndpointNotChanged() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		long enterprise = 23;
		String url = "http://127.0.0.1:" + this.port + "/demo-platform/" + code(enterprise);
		configure(admin, enterprise, url);
		this.jdbc.sql("UPDATE feed SET cursor_value = '2026-11-30:0' WHERE enterprise_id = :e")
			.param("e", enterprise)
			.update();
		// a run claimed on this node and not yet begun: alive, its heartbeat beaten here
		long runId = this.feedRuns.claimPull(enterprise, "test");
		try {
			this.mvc.perform(post("/admin/feeds/" + enterprise + "/cursor").with(csrf()).session(admin))
				.andExpect(flash().attribute("problem", "feed.busy"));
			this.mvc
				.perform(post("/admin/feeds/" + enterprise + "/edit").with(csrf())
					.session(admin)
					.param("baseUrl", url + "/elsewhere")
					.param("token", "")
					.param("scheduleCron", "")
					.param("enabled", "true"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("本次运行结束后才能更改接口地址")));
			assertThat(cursor(enterprise)).isEqualTo("2026-11-30:0");
			assertThat(this.jdbc.sql("SELECT base_url FROM feed WHERE enterprise_id = :e")
				.param("e", enterprise)
				.query(String.class)
				.single()).isEqualTo(url);
		}
		finally {
			this.feedRuns.executePull(runId);
		}
	}

	@Test
	void interruptedRunIsShownSoAndRestartedWithOneButton() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		long enterprise = 24;
		configure(admin, enterprise, "http://127.0.0.1:" + this.port + "/demo-platform/" + code(enterprise));
		long runId = this.feedRuns.claimPull(enterprise, "test");
		// what the watch leaves of a run whose node died before the job began
		this.jdbc
			.sql("""
					UPDATE feed_run SET status = 'INTERRUPTED', owner_node = 'gone/1/000000', heartbeat_at = NULL,
					  message = 'interrupted: node gone/1/000000 stopped beating its heartbeat (last: none)' WHERE id = :id""")
			.param("id", runId)
			.update();

		this.mvc.perform(get("/admin/feeds/" + enterprise).session(admin))
			.andExpect(content().string(containsString("已中断")))
			.andExpect(content().string(containsString("/admin/feeds/" + enterprise + "/runs/" + runId + "/restart")));
		this.mvc.perform(post("/admin/feeds/" + enterprise + "/run").with(csrf()).session(admin))
			.andExpect(flash().attribute("message", "feed.runStarted"))
			.andReturn();
		long next = latestRunId(enterprise);
		assertThat(next).isGreaterThan(runId);
		// superseded by the later run: no longer restartable
		this.mvc.perform(post("/admin/feeds/" + enterprise + "/runs/" + runId + "/restart").with(csrf()).session(admin))
			.andExpect(flash().attribute("problem", "feed.notRestartable"));
		assertThat(awaitLatestRun(enterprise)).isEqualTo("COMPLETED");
	}

	private void configure(MockHttpSession admin, long enterprise, String url) throws Exception {
		this.mvc
			.perform(post("/admin/feeds/" + enterprise + "/edit").with(csrf())
				.session(admin)
				.param("baseUrl", url)
				.param("token", "demo-" + code(enterprise))
				.param("scheduleCron", "")
				.param("enabled", "true"))
			.andExpect(status().is3xxRedirection());
	}

	private String code(long enterprise) {
		return this.jdbc.sql("SELECT code FROM enterprise WHERE id = :e")
			.param("e", enterprise)
			.query(String.class)
			.single();
	}

	private String cursor(long enterprise) {
		return this.jdbc.sql("SELECT cursor_value FROM feed WHERE enterprise_id = :e")
			.param("e", enterprise)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private LocalDate firstMetricDay(long enterprise) {
		return this.jdbc.sql("SELECT MIN(day) FROM labeling_metric WHERE enterprise_id = :e")
			.param("e", enterprise)
			.query(LocalDate.class)
			.single();
	}

	private long latestRunId(long enterprise) {
		return this.jdbc.sql("SELECT MAX(id) FROM feed_run WHERE enterprise_id = :e")
			.param("e", enterprise)
			.query(Long.class)
			.single();
	}

	/** The status of the enterprise's latest run once it has ended (or after 60 s). */
	private String awaitLatestRun(long enterprise) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		String status = latestStatus(enterprise);
		while (("STARTING".equals(status) || "RUNNING".equals(status)) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			status = latestStatus(enterprise);
		}
		return status;
	}

	private String latestStatus(long enterprise) {
		return this.jdbc.sql("SELECT status FROM feed_run WHERE enterprise_id = :e ORDER BY id DESC LIMIT 1")
			.param("e", enterprise)
			.query(String.class)
			.single();
	}

}
