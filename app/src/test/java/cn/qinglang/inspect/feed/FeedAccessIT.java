package cn.qinglang.inspect.feed;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may do what with feeds, both ways, through the whole portal: platform uploads for
 * its own enterprise only, rejects seen by inspectors of the jurisdiction, admins and the
 * enterprise's own team, feeds configured with a write-only token and run by admins
 * against the demo profile's simulated platform.
 */
@PortalTest
class FeedAccessIT {

	/**
	 * Enterprise 1 (qingqiong) and 2 (mingche) lie in Haidian, 4 (lingxi) in Chaoyang.
	 */
	private static final long QINGQIONG = 1;

	private static final long MINGCHE = 2;

	private static final long LINGXI = 4;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void platformUploadIsStoredForItsOwnEnterpriseAndExplainsItsRejects() throws Exception {
		MockHttpSession platform = SignIn.as(this.mvc, "qingqiong");
		long runId = upload(platform, QINGQIONG, "c-own", credit(MINGCHE));

		assertThat(this.jdbc.sql("SELECT enterprise_id FROM feed_run WHERE id = :id")
			.param("id", runId)
			.query(Long.class)
			.single()).isEqualTo(QINGQIONG);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM complaint WHERE platform_id = 'c-own' AND enterprise_id = :e")
			.param("e", QINGQIONG)
			.query(Long.class)
			.single()).isEqualTo(1);
		this.mvc.perform(get("/my-enterprise/feed/runs/" + runId + "/rejects").session(platform))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not this feed")));
		this.mvc.perform(get("/my-enterprise/feed/runs/" + runId + "/rejects.csv").session(platform))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(content().string(containsString("enterprise,OTHER_ENTERPRISE")));
	}

	@Test
	void platformUserCannotSeeTheRejectsOrRunsOfAnotherEnterprise() throws Exception {
		long othersRun = upload(SignIn.as(this.mvc, "mingche"), MINGCHE, "c-mingche", credit(QINGQIONG));
		MockHttpSession platform = SignIn.as(this.mvc, "qingqiong");

		this.mvc.perform(get("/my-enterprise/feed/runs/" + othersRun + "/rejects").session(platform))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/my-enterprise/feed/runs/" + othersRun + "/rejects.csv").session(platform))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/my-enterprise/feed/runs/" + othersRun + "/progress").session(platform))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/enterprises/" + MINGCHE + "/feed/runs/" + othersRun + "/rejects").session(platform))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/feeds/" + MINGCHE + "/runs/" + othersRun + "/rejects").session(platform))
			.andExpect(status().isForbidden());
	}

	@Test
	void platformUserCannotUploadForAnotherEnterprise() throws Exception {
		MockHttpSession platform = SignIn.as(this.mvc, "qingqiong");
		long before = runsOf(MINGCHE);

		// the enterprise comes from the account: a parameter naming another is ignored
		this.mvc
			.perform(multipart("/my-enterprise/feed/upload").file(jsonl("c-sneaky", credit(MINGCHE)))
				.param("enterpriseId", String.valueOf(MINGCHE))
				.with(csrf())
				.session(platform))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/admin/feeds/" + MINGCHE + "/run").with(csrf()).session(platform))
			.andExpect(status().isForbidden());

		assertThat(runsOf(MINGCHE)).isEqualTo(before);
		awaitNoRunningRun(QINGQIONG);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM complaint WHERE platform_id = 'c-sneaky'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void inspectorReadsRejectsInsideTheJurisdictionOnlyAndExecutivesNotAtAll() throws Exception {
		long runId = upload(SignIn.as(this.mvc, "qingqiong"), QINGQIONG, "c-inspected", "91110000000000000X");
		MockHttpSession haidian = SignIn.as(this.mvc, "inspector-haidian");

		this.mvc.perform(get("/enterprises/" + QINGQIONG + "/feed").session(haidian))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"data-as-of\"")));
		this.mvc.perform(get("/enterprises/" + QINGQIONG + "/feed/runs/" + runId + "/rejects").session(haidian))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("91110000000000000X")));
		this.mvc.perform(get("/enterprises/" + LINGXI + "/feed").session(haidian)).andExpect(status().isNotFound());
		this.mvc
			.perform(get("/enterprises/" + QINGQIONG + "/feed/runs/" + runId + "/rejects")
				.session(SignIn.as(this.mvc, "executive")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/enterprises/" + QINGQIONG + "/feed").session(SignIn.as(this.mvc, "executive")))
			.andExpect(status().isOk());
	}

	@Test
	void adminConfiguresAFeedWithAWriteOnlyEncryptedTokenAndItIsAudited() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");

		this.mvc
			.perform(post("/admin/feeds/" + LINGXI + "/edit").with(csrf())
				.session(admin)
				.param("baseUrl", "https://open.example.com/qinglang")
				.param("token", "s3cret-platform-token")
				.param("scheduleCron", "0 0 2 * * *")
				.param("enabled", "true"))
			.andExpect(status().is3xxRedirection());

		String stored = this.jdbc.sql("SELECT token_ciphertext FROM feed WHERE enterprise_id = :e")
			.param("e", LINGXI)
			.query(String.class)
			.single();
		assertThat(stored).isNotBlank().doesNotContain("s3cret");
		this.mvc.perform(get("/admin/feeds/" + LINGXI + "/edit").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("s3cret-platform-token"))));
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM audit_log WHERE action = 'FEED_CONFIGURED' AND target_id = :e AND actor = 'admin'
				  AND detail NOT LIKE '%s3cret%'""").param("e", String.valueOf(LINGXI)).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void adminIsRefusedAnInvalidScheduleAndNothingIsStored() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");

		this.mvc
			.perform(post("/admin/feeds/6/edit").with(csrf())
				.session(admin)
				.param("baseUrl", "javascript:alert(1)")
				.param("token", "")
				.param("scheduleCron", "every night")
				.param("enabled", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM feed WHERE enterprise_id = 6").query(Long.class).single())
			.isZero();
	}

	@Test
	void adminRunsAFeedNowAgainstTheSimulatedPlatformAndItCompletes() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		long enterprise = 7;
		String code = this.jdbc.sql("SELECT code FROM enterprise WHERE id = :e")
			.param("e", enterprise)
			.query(String.class)
			.single();
		this.mvc
			.perform(post("/admin/feeds/" + enterprise + "/edit").with(csrf())
				.session(admin)
				.param("baseUrl", "http://127.0.0.1:" + this.port + "/demo-platform/" + code)
				.param("token", "demo-" + code)
				.param("scheduleCron", "")
				.param("enabled", "true"))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(post("/admin/feeds/" + enterprise + "/run").with(csrf()).session(admin))
			.andExpect(status().is3xxRedirection());
		long runId = awaitNoRunningRun(enterprise);

		this.mvc.perform(get("/admin/feeds/" + enterprise + "/runs/" + runId + "/progress").session(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"));
		long stored = this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM labeling_metric WHERE enterprise_id = :e)
				  + (SELECT COUNT(*) FROM complaint WHERE enterprise_id = :e)
				  + (SELECT COUNT(*) FROM enforcement_action WHERE enterprise_id = :e)""")
			.param("e", enterprise)
			.query(Long.class)
			.single();
		assertThat(stored).isPositive();
		assertThat(this.jdbc.sql("SELECT written_count FROM feed_run WHERE id = :id")
			.param("id", runId)
			.query(Long.class)
			.single()).isEqualTo(stored);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'FEED_RUN_STARTED' AND target_id = :id")
			.param("id", String.valueOf(runId))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void failedRunIsRestartedFromThePortalOnceTheCauseIsFixed() throws Exception {
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		long enterprise = 8;
		String code = this.jdbc.sql("SELECT code FROM enterprise WHERE id = :e")
			.param("e", enterprise)
			.query(String.class)
			.single();
		configure(admin, enterprise, code, "wrong-token");
		this.mvc.perform(post("/admin/feeds/" + enterprise + "/run").with(csrf()).session(admin));
		long runId = awaitNoRunningRun(enterprise);
		assertThat(runStatus(runId)).isEqualTo("FAILED");

		configure(admin, enterprise, code, "demo-" + code);
		this.mvc.perform(post("/admin/feeds/" + enterprise + "/runs/" + runId + "/restart").with(csrf()).session(admin))
			.andExpect(flash().attribute("message", "feed.runRestarted"));

		assertThat(awaitStatus(runId, "COMPLETED")).isEqualTo("COMPLETED");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM complaint WHERE enterprise_id = :e")
			.param("e", enterprise)
			.query(Long.class)
			.single()).isPositive();
		this.mvc.perform(post("/admin/feeds/" + enterprise + "/runs/" + runId + "/restart").with(csrf()).session(admin))
			.andExpect(flash().attribute("problem", "feed.notRestartable"));
		this.mvc
			.perform(post("/admin/feeds/" + enterprise + "/runs/" + runId + "/restart").with(csrf())
				.session(SignIn.as(this.mvc, "inspector")))
			.andExpect(status().isForbidden());
	}

	private void configure(MockHttpSession admin, long enterprise, String code, String token) throws Exception {
		this.mvc
			.perform(post("/admin/feeds/" + enterprise + "/edit").with(csrf())
				.session(admin)
				.param("baseUrl", "http://127.0.0.1:" + this.port + "/demo-platform/" + code)
				.param("token", token)
				.param("scheduleCron", "")
				.param("enabled", "true"))
			.andExpect(status().is3xxRedirection());
	}

	/** The run's status once it is the one expected, or whatever it is after 30 s. */
	private String awaitStatus(long runId, String expected) throws InterruptedException {
		long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
		String status = runStatus(runId);
		while (!expected.equals(status) && System.nanoTime() < until) {
			Thread.sleep(50);
			status = runStatus(runId);
		}
		return status;
	}

	private String runStatus(long runId) {
		return this.jdbc.sql("SELECT status FROM feed_run WHERE id = :id")
			.param("id", runId)
			.query(String.class)
			.single();
	}

	private long upload(MockHttpSession session, long enterpriseId, String goodId, String otherCredit)
			throws Exception {
		String good = complaint(goodId, credit(enterpriseId));
		String bad = complaint(goodId + "-x", otherCredit);
		MockMultipartFile file = new MockMultipartFile("file", "complaints.jsonl", "application/x-ndjson",
				(good + "\n" + bad + "\n").getBytes(StandardCharsets.UTF_8));
		this.mvc.perform(multipart("/my-enterprise/feed/upload").file(file).with(csrf()).session(session))
			.andExpect(status().is3xxRedirection());
		return awaitNoRunningRun(enterpriseId);
	}

	private MockMultipartFile jsonl(String id, String credit) {
		return new MockMultipartFile("file", "c.jsonl", "application/x-ndjson",
				complaint(id, credit).getBytes(StandardCharsets.UTF_8));
	}

	private static String complaint(String id, String credit) {
		return "{\"type\":\"complaint\",\"id\":\"" + id + "\",\"enterprise\":\"" + credit
				+ "\",\"received_at\":\"2026-05-20T09:30:00+08:00\",\"category\":\"RUMOR\",\"content_type\":\"TEXT\","
				+ "\"channel\":\"WEB_FORM\",\"status\":\"RECEIVED\"}";
	}

	private String credit(long enterpriseId) {
		return this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :e")
			.param("e", enterpriseId)
			.query(String.class)
			.single();
	}

	private long runsOf(long enterpriseId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM feed_run WHERE enterprise_id = :e")
			.param("e", enterpriseId)
			.query(Long.class)
			.single();
	}

	/** The latest run of the enterprise, once it has ended. */
	private long awaitNoRunningRun(long enterpriseId) throws InterruptedException {
		return IdleFeed.latestRun(this.jdbc, enterpriseId);
	}

}
