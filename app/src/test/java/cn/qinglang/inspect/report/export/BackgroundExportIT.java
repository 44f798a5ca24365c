package cn.qinglang.inspect.report.export;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

import cn.qinglang.inspect.evidence.EvidenceStore;
import cn.qinglang.inspect.files.Blobs;
import cn.qinglang.inspect.report.ReportFormat;
import cn.qinglang.inspect.report.ReportProperties;
import cn.qinglang.inspect.report.export.ExportSamples.HeldRows;
import cn.qinglang.inspect.support.EnforcementSteps;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;
import cn.qinglang.inspect.system.PortalNode;
import cn.qinglang.inspect.system.Times;

import static cn.qinglang.inspect.report.export.ExportSamples.document;
import static cn.qinglang.inspect.report.export.ExportSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Background exports over the real stack, with the threshold lowered to five rows so that
 * a rectification report of one order goes to the background (and a queue of two, so that
 * it fills): queued, filled with progress, downloaded by its owner only, failed with its
 * message, expired after the retention, refused when the queue is full.
 */
@PortalTest
@Import(ExportSamples.SampleRecipe.class)
@TestPropertySource(properties = { "qinglang.reports.background-above-rows=5", "qinglang.reports.queue-capacity=2" })
class BackgroundExportIT {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BackgroundExports exports;

	@Autowired
	ReportProperties properties;

	@Autowired
	Blobs blobs;

	@Autowired
	EvidenceStore evidence;

	@Autowired
	PortalNode node;

	MockHttpSession inspector;

	/** An order of enterprise 1 (qingqiong) with a finding and one measure's evidence. */
	long order;

	String number;

	@BeforeEach
	void orderWithEvidence() throws Exception {
		EnforcementSteps steps = new EnforcementSteps(this.mvc, this.jdbc);
		this.inspector = SignIn.as(this.mvc, "inspector");
		long inspection = steps.openInspection(this.inspector, 1);
		long finding = steps.recordFinding(this.inspector, inspection, "PLT-02", "后台导出测试：图片未添加显著提示标识");
		this.order = steps.issueOrder(this.inspector, inspection, List.of(finding), List.of("上线显著提示标识功能"));
		long measure = steps.measureIds(this.order).get(0);
		steps.submit(SignIn.as(this.mvc, "qingqiong"), this.order, measure, new MockMultipartFile("files", "整改说明.txt",
				"text/plain", ("整改说明 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8)));
		this.number = this.jdbc.sql("SELECT number FROM rectification_order WHERE id = :o")
			.param("o", this.order)
			.query(String.class)
			.single();
	}

	@Test
	void largeReportIsGeneratedInTheBackgroundAndDownloadedWithItsContentAndWatermark() throws Exception {
		this.mvc.perform(get("/orders/" + this.order + "/report.pdf").session(this.inspector))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/exports"))
			.andExpect(flash().attribute("message", "export.queued"));
		long id = latestExportOf("inspector");

		ReportExport done = awaitFinished("inspector", id);
		assertThat(done.status()).isEqualTo(ExportStatus.DONE);
		assertThat(done.progressPercent()).isEqualTo(100);
		assertThat(done.rowsDone()).isEqualTo(done.rowsEstimated()).isGreaterThan(5);
		assertThat(done.targetType()).isEqualTo("rectification_order");
		assertThat(done.targetId()).isEqualTo(String.valueOf(this.order));
		this.mvc.perform(get("/exports/" + id + "/status").session(this.inspector))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.percent").value(100))
			.andExpect(jsonPath("$.active").value(false));
		this.mvc.perform(get("/exports").session(this.inspector))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("企业整改情况报告 " + this.number)))
			.andExpect(content().string(containsString("/exports/" + id + "/file")));

		MockHttpServletResponse file = this.mvc.perform(get("/exports/" + id + "/file").session(this.inspector))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''rectification-report-")))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn()
			.getResponse();
		byte[] pdf = file.getContentAsByteArray();
		assertThat(pdf).hasSize(done.fileSize().intValue());
		assertThat(file.getHeader("Content-Length")).isEqualTo(String.valueOf(done.fileSize()));
		assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf))).isEqualTo(done.sha256());
		String enterprise = this.jdbc.sql("SELECT name_zh FROM enterprise WHERE id = 1").query(String.class).single();
		String inspectorName = this.jdbc.sql("SELECT display_name FROM app_user WHERE username = 'inspector'")
			.query(String.class)
			.single();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains(enterprise, this.number, "后台导出测试：图片未添加显著提示标识",
					"整改说明.txt", inspectorName + "（inspector）");
		}
		assertThat(audited("REPORT_EXPORTED", "report_export", String.valueOf(id))).contains("\"background\":true");
		assertThat(audited("REPORT_DOWNLOADED", "rectification_order", String.valueOf(this.order)))
			.contains("office-document", done.sha256());
	}

	@Test
	void largeDashboardExportIsBuiltFromTheViewOnTheWorker() throws Exception {
		for (String url : List.of("/dashboard/export.pdf?preset=LAST_30",
				"/dashboard/enterprises/1/export.pdf?preset=LAST_30")) {
			this.mvc.perform(get(url).session(this.inspector))
				.andExpect(status().isSeeOther())
				.andExpect(redirectedUrl("/exports"));
			long id = latestExportOf("inspector");

			ReportExport done = awaitFinished("inspector", id);
			assertThat(done.status()).isEqualTo(ExportStatus.DONE);
			assertThat(done.targetType()).isEqualTo("dashboard");
			byte[] pdf = this.mvc.perform(get("/exports/" + id + "/file").session(this.inspector))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			try (PDDocument document = Loader.loadPDF(pdf)) {
				assertThat(new PDFTextStripper().getText(document)).contains("清朗专项行动数据报表", "一、主要指标", "显式标识率", "标识率按周趋势",
						url.contains("enterprises/1") ? "北京青穹大模型科技有限公司" : "北京市");
			}
		}
	}

	@Test
	void progressIsWrittenWhileTheReportFills() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		long id = this.exports.submit("inspector", ReportFormat.PDF, "进度测试", 120,
				sample(() -> document(new HeldRows(120).pauseAt(50, 400).holdAt(60, release))));
		try {
			ReportExport running = await("inspector", id, (export) -> export.rowsDone() >= 50);
			assertThat(running.status()).isEqualTo(ExportStatus.RUNNING);
			assertThat(running.rowsDone()).isBetween(50L, 60L);
			assertThat(running.progressPercent()).isEqualTo((int) (running.rowsDone() * 90 / 120));
		}
		finally {
			release.countDown();
		}
		assertThat(awaitFinished("inspector", id).progressPercent()).isEqualTo(100);
	}

	@Test
	void anotherUserGetsNotFoundForTheStatusAndTheFile() throws Exception {
		MockHttpSession platform = SignIn.as(this.mvc, "qingqiong");
		this.mvc.perform(get("/my-enterprise/orders/" + this.order + "/report.pdf").session(platform))
			.andExpect(status().isSeeOther());
		long platformExport = latestExportOf("qingqiong");
		assertThat(awaitFinished("qingqiong", platformExport).status()).isEqualTo(ExportStatus.DONE);
		this.mvc.perform(get("/exports/" + platformExport + "/file").session(platform)).andExpect(status().isOk());
		long inspectorExport = this.exports.submit("inspector", ReportFormat.PDF, "检查员的导出", 10,
				sample(() -> document(10)));
		assertThat(awaitFinished("inspector", inspectorExport).status()).isEqualTo(ExportStatus.DONE);

		for (String path : List.of("/exports/" + platformExport + "/status", "/exports/" + platformExport + "/file")) {
			this.mvc.perform(get(path).session(this.inspector)).andExpect(status().isNotFound());
			this.mvc.perform(get(path).session(SignIn.as(this.mvc, "mingche"))).andExpect(status().isNotFound());
		}
		for (String path : List.of("/exports/" + inspectorExport + "/status",
				"/exports/" + inspectorExport + "/file")) {
			this.mvc.perform(get(path).session(platform)).andExpect(status().isNotFound());
			this.mvc.perform(get(path).session(SignIn.as(this.mvc, "executive"))).andExpect(status().isNotFound());
		}
		this.mvc.perform(get("/exports").session(this.inspector))
			.andExpect(content().string(not(containsString("/exports/" + platformExport + "/"))));
		this.mvc.perform(get("/exports").session(platform))
			.andExpect(content().string(containsString("/exports/" + platformExport + "/file")))
			.andExpect(content().string(not(containsString("/exports/" + inspectorExport + "/"))));
	}

	@Test
	void rolesThatExportNothingHaveNoExportsPageAndTheOthersAreLinkedToIt() throws Exception {
		this.mvc.perform(get("/exports").session(SignIn.as(this.mvc, "admin"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/exports").session(SignIn.as(this.mvc, "auditor"))).andExpect(status().isForbidden());
		for (String user : List.of("inspector", "executive", "qingqiong")) {
			this.mvc.perform(get("/").session(SignIn.as(this.mvc, user)))
				.andExpect(content().string(containsString("id=\"nav-exports\"")));
		}
	}

	@Test
	void failingDocumentEndsFailedWithItsMessageAndNoFile() throws Exception {
		long id = this.exports.submit("inspector", ReportFormat.PDF, "失败测试", 1000, sample(() -> {
			throw new IllegalStateException("统计数据暂不可用");
		}));

		ReportExport failed = awaitFinished("inspector", id);
		assertThat(failed.status()).isEqualTo(ExportStatus.FAILED);
		assertThat(failed.errorMessage()).isEqualTo("统计数据暂不可用");
		assertThat(failed.fileSize()).isNull();
		assertThat(failed.sha256()).isNull();
		this.mvc.perform(get("/exports/" + id + "/file").session(this.inspector)).andExpect(status().isNotFound());
		this.mvc.perform(get("/exports").session(this.inspector))
			.andExpect(content().string(containsString("统计数据暂不可用")));
	}

	@Test
	void cleanupExpiresFilesPastTheRetentionOnly() throws Exception {
		long id = this.exports.submit("inspector", ReportFormat.PDF, "清理测试", 10, sample(() -> document(10)));
		ReportExport done = awaitFinished("inspector", id);
		assertThat(done.status()).isEqualTo(ExportStatus.DONE);
		byte[] chunkSet = chunkSet(done.sha256());
		assertThat(chunks(chunkSet)).isPositive();

		this.exports.cleanup();
		assertThat(this.exports.find("inspector", id).orElseThrow().status()).isEqualTo(ExportStatus.DONE);
		assertThat(this.blobs.exists(done.sha256())).isTrue();

		int expired = expireAll();
		assertThat(expired).isPositive();
		ReportExport gone = this.exports.find("inspector", id).orElseThrow();
		assertThat(gone.status()).isEqualTo(ExportStatus.EXPIRED);
		assertThat(gone.sha256()).isNull();
		assertThat(this.blobs.exists(done.sha256())).isFalse();
		assertThat(chunks(chunkSet)).isZero();
		this.mvc.perform(get("/exports/" + id + "/file").session(this.inspector)).andExpect(status().isNotFound());
	}

	@Test
	void expiredExportsFileIsKeptWhileAnotherExportOrAnEvidenceFileHasTheSameContent() throws Exception {
		long id = this.exports.submit("inspector", ReportFormat.PDF, "同一内容", 10, sample(() -> document(10)));
		ReportExport done = awaitFinished("inspector", id);
		byte[] pdf = this.mvc.perform(get("/exports/" + id + "/file").session(this.inspector))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		// the same file kept by a second export (as a later export of the same content
		// would) and attached as evidence
		this.jdbc
			.sql("""
					INSERT INTO report_export (owner, title, format, status, rows_estimated, file_name, file_size, sha256,
					  created_at, finished_at)
					SELECT owner, '第二份', format, 'DONE', rows_estimated, file_name, file_size, sha256, created_at, finished_at
					FROM report_export WHERE id = :id""")
			.param("id", id)
			.update();
		long second = latestExportOf("inspector");
		this.evidence.storeSample("导出的报告.pdf", new ByteArrayInputStream(pdf), DataSize.ofMegabytes(64));

		this.jdbc.sql("UPDATE report_export SET finished_at = finished_at - INTERVAL 400 DAY WHERE id = :id")
			.param("id", id)
			.update();
		this.exports.expireFinishedBefore(Times.now(Clock.systemUTC()).minus(this.properties.retention()));

		assertThat(this.exports.find("inspector", id).orElseThrow().status()).isEqualTo(ExportStatus.EXPIRED);
		assertThat(this.blobs.exists(done.sha256())).as("the second export has it").isTrue();
		byte[] again = this.mvc.perform(get("/exports/" + second + "/file").session(this.inspector))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(again).isEqualTo(pdf);

		expireAll();
		assertThat(this.exports.find("inspector", second).orElseThrow().status()).isEqualTo(ExportStatus.EXPIRED);
		assertThat(this.blobs.exists(done.sha256())).as("evidence is never deleted").isTrue();
		assertThat(chunks(chunkSet(done.sha256()))).isPositive();
	}

	private int expireAll() {
		return this.exports
			.expireFinishedBefore(Times.now(Clock.systemUTC()).plus(this.properties.retention()).plusSeconds(60));
	}

	private byte[] chunkSet(String sha256) {
		return this.jdbc.sql("SELECT chunk_set FROM stored_blob WHERE sha256 = :sha")
			.param("sha", sha256)
			.query((rs, row) -> rs.getBytes(1))
			.single();
	}

	private long chunks(byte[] chunkSet) {
		return this.jdbc.sql("SELECT COUNT(*) FROM stored_blob_chunk WHERE chunk_set = :set")
			.param("set", chunkSet)
			.query(Long.class)
			.single();
	}

	@Test
	void theCleanupRunsOnOneNodeOfAClusterAtATime() throws Exception {
		long id = this.exports.submit("inspector", ReportFormat.PDF, "集群清理", 10, sample(() -> document(10)));
		assertThat(awaitFinished("inspector", id).status()).isEqualTo(ExportStatus.DONE);
		this.jdbc.sql("UPDATE report_export SET finished_at = finished_at - INTERVAL 400 DAY WHERE id = :id")
			.param("id", id)
			.update();
		try {
			// another node is cleaning up: this one skips its turn
			this.jdbc.sql("""
					REPLACE INTO shedlock (name, lock_until, locked_at, locked_by)
					VALUES ('export-cleanup', UTC_TIMESTAMP(3) + INTERVAL 1 HOUR, UTC_TIMESTAMP(3), 'another-node')""")
				.update();
			this.exports.cleanup();
			assertThat(this.exports.find("inspector", id).orElseThrow().status()).isEqualTo(ExportStatus.DONE);

			// its lock released, this node takes it and cleans up, and holds it a minute
			this.jdbc.sql("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) WHERE name = 'export-cleanup'").update();
			this.exports.cleanup();
			assertThat(this.exports.find("inspector", id).orElseThrow().status()).isEqualTo(ExportStatus.EXPIRED);
			assertThat(this.jdbc.sql("""
					SELECT TIMESTAMPDIFF(SECOND, locked_at, lock_until) FROM shedlock
					WHERE name = 'export-cleanup' AND locked_by <> 'another-node'""").query(Long.class).single())
				.isBetween(59L, 61L);
		}
		finally {
			this.jdbc.sql("DELETE FROM shedlock WHERE name = 'export-cleanup'").update();
		}
	}

	@Test
	void fullQueueRefusesAnExportWithAMessageAndRecordsNothing() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		List<Long> accepted = new ArrayList<>();
		try {
			accepted.add(this.exports.submit("inspector", ReportFormat.PDF, "占用", 10,
					sample(() -> document(new HeldRows(10).holdAt(1, release)))));
			await("inspector", accepted.get(0), (export) -> export.status() == ExportStatus.RUNNING);
			for (int i = 0; i < this.properties.queueCapacity(); i++) {
				accepted
					.add(this.exports.submit("inspector", ReportFormat.PDF, "排队 " + i, 10, sample(() -> document(10))));
			}
			long before = exportsOf("inspector");

			this.mvc.perform(get("/orders/" + this.order + "/report.pdf").session(this.inspector))
				.andExpect(status().isSeeOther())
				.andExpect(redirectedUrl("/exports"))
				.andExpect(flash().attribute("problem", "export.queueFull"));
			assertThatThrownBy(
					() -> this.exports.submit("inspector", ReportFormat.PDF, "多余", 10, sample(() -> document(10))))
				.isInstanceOf(ExportQueueFullException.class);
			assertThat(exportsOf("inspector")).isEqualTo(before);
		}
		finally {
			release.countDown();
		}
		for (long id : accepted) {
			assertThat(awaitFinished("inspector", id).status()).isEqualTo(ExportStatus.DONE);
		}
	}

	@Test
	void exportOfANodeThatDiedIsTakenOverAndBuiltAgainFromItsRecipeWhileALiveNodesIsLeftAlone() throws Exception {
		long dead = staleExport("inspector",
				"{\"recipe\":\"rectification-order\",\"parameters\":{\"id\":\"" + this.order + "\"}}",
				"UTC_TIMESTAMP(6) - INTERVAL 2 MINUTE");
		long alive = staleExport("inspector", null, "UTC_TIMESTAMP(6)");
		try {
			this.exports.watch();

			ReportExport done = awaitFinished("inspector", dead);
			assertThat(done.status()).isEqualTo(ExportStatus.DONE);
			assertThat(done.targetType()).isEqualTo("rectification_order");
			assertThat(column(dead, "owner_node")).isEqualTo(this.node.id());
			assertThat(column(dead, "attempts")).isEqualTo("1");
			byte[] pdf = this.mvc.perform(get("/exports/" + dead + "/file").session(this.inspector))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			try (PDDocument document = Loader.loadPDF(pdf)) {
				// the order's report, watermarked with its owner
				assertThat(new PDFTextStripper().getText(document)).contains(this.number, "王检查（inspector）");
			}
			assertThat(this.exports.find("inspector", alive).orElseThrow().status()).isEqualTo(ExportStatus.RUNNING);
			assertThat(column(alive, "owner_node")).isEqualTo("node-alive/1/abcdef");
		}
		finally {
			this.jdbc.sql("DELETE FROM report_export WHERE id = :id").param("id", alive).update();
		}
	}

	@Test
	void exportOfANodeThatDiedIsFailedAsInterruptedWhenItCannotBeBuiltAgain() throws Exception {
		// queued before exports kept their recipe
		long noRecipe = staleExport("inspector", null, null);
		// taken over three times already: it may be what kills its nodes
		long tooOften = staleExport("inspector",
				"{\"recipe\":\"rectification-order\",\"parameters\":{\"id\":\"" + this.order + "\"}}",
				"UTC_TIMESTAMP(6) - INTERVAL 2 MINUTE");
		this.jdbc.sql("UPDATE report_export SET attempts = 3 WHERE id = :id").param("id", tooOften).update();

		this.exports.watch();

		for (long id : List.of(noRecipe, tooOften)) {
			ReportExport failed = awaitFinished("inspector", id);
			assertThat(failed.status()).isEqualTo(ExportStatus.FAILED);
			assertThat(failed.interrupted()).isTrue();
		}
		this.mvc.perform(get("/exports").session(this.inspector))
			.andExpect(content().string(containsString("服务重启，导出未能完成，请重新导出。")));
	}

	@Test
	void exportTakenOverForAnOwnerWhoCannotSeeItsContentIsFailedWithoutAFile() throws Exception {
		// mingche's team does not see an order of qingqiong: a forged or stale recipe
		// builds nothing
		long id = staleExport("mingche",
				"{\"recipe\":\"rectification-order\",\"parameters\":{\"id\":\"" + this.order + "\"}}",
				"UTC_TIMESTAMP(6) - INTERVAL 2 MINUTE");

		this.exports.watch();

		ReportExport failed = awaitFinished("mingche", id);
		assertThat(failed.status()).isEqualTo(ExportStatus.FAILED);
		assertThat(failed.errorKey()).isEqualTo(ReportExport.GONE);
		assertThat(failed.sha256()).isNull();
		this.mvc.perform(get("/exports").session(SignIn.as(this.mvc, "mingche")))
			.andExpect(content().string(containsString("导出的内容已删除或您已无权查看，导出未能完成。")));
	}

	/** An export left running by another node, with the heartbeat given (SQL). */
	private long staleExport(String owner, String recipe, String heartbeat) {
		this.jdbc
			.sql("""
					INSERT INTO report_export (owner, title, format, status, rows_estimated, rows_done, created_at, started_at,
					  recipe, owner_node, heartbeat_at)
					VALUES (:owner, '另一节点的导出', 'PDF', 'RUNNING', 1000, 400, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), :recipe,
					  :node, %s)"""
				.formatted((heartbeat != null) ? heartbeat : "NULL"))
			.param("owner", owner)
			.param("recipe", recipe)
			.param("node",
					(heartbeat != null && heartbeat.equals("UTC_TIMESTAMP(6)")) ? "node-alive/1/abcdef"
							: "node-dead/1/abcdef")
			.update();
		return latestExportOf(owner);
	}

	private String column(long id, String column) {
		return this.jdbc.sql("SELECT CAST(" + column + " AS CHAR) FROM report_export WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private ReportExport awaitFinished(String owner, long id) throws InterruptedException {
		return await(owner, id, (export) -> !export.status().active());
	}

	private ReportExport await(String owner, long id, Predicate<ReportExport> condition) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (true) {
			ReportExport export = this.exports.find(owner, id).orElseThrow();
			if (condition.test(export)) {
				return export;
			}
			assertThat(System.nanoTime()).as("export %d still %s", id, export.status()).isLessThan(deadline);
			TimeUnit.MILLISECONDS.sleep(50);
		}
	}

	private long latestExportOf(String owner) {
		return this.jdbc.sql("SELECT MAX(id) FROM report_export WHERE owner = :owner")
			.param("owner", owner)
			.query(Long.class)
			.single();
	}

	private long exportsOf(String owner) {
		return this.jdbc.sql("SELECT COUNT(*) FROM report_export WHERE owner = :owner")
			.param("owner", owner)
			.query(Long.class)
			.single();
	}

	private String audited(String action, String targetType, String targetId) {
		return this.jdbc.sql("""
				SELECT detail FROM audit_log WHERE action = :action AND target_type = :type AND target_id = :id
				ORDER BY id DESC LIMIT 1""")
			.param("action", action)
			.param("type", targetType)
			.param("id", targetId)
			.query(String.class)
			.single();
	}

}
