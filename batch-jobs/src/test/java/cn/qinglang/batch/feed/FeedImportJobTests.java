package cn.qinglang.batch.feed;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.batch.records.RecordType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The feed import job against the embedded MariaDB: uploads and pulls over real HTTP,
 * each validation rule, idempotent re-sending, retries, refusals, and a run failed
 * mid-way and restarted.
 */
@SpringBatchTest
@SpringBootTest(classes = FeedImportJobTests.TestApplication.class, properties = { "qinglang.feeds.job.chunk-size=7",
		"qinglang.feeds.job.page-size=10", "qinglang.feeds.job.retries=3", "qinglang.feeds.job.retry-delay=10ms" })
class FeedImportJobTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	FeedRuns feedRuns;

	@Autowired
	TokenCipher cipher;

	@Autowired
	TestUploads uploads;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	@Autowired
	FeedRunWatch watch;

	@TempDir
	Path files;

	long enterpriseId;

	@BeforeEach
	void newEnterprise() {
		this.enterpriseId = FeedFixtures.newEnterprise(this.jdbc, "测试平台");
	}

	@Test
	void eachValidationRuleRejectsItsRecordAndKeepsItsNeighbours() throws Exception {
		String today = LocalDate.now(this.clock).toString();
		String tomorrow = LocalDate.now(this.clock).plusDays(1).toString();
		List<String> lines = List.of(complaint("c1", "RECEIVED", null), // 1 good
				"{not json", // 2 malformed
				metric("m1", "2026-05-18", 100, 90, 2), // 3 good
				"{\"type\":\"survey\",\"id\":\"x1\",\"enterprise\":\"" + credit() + "\"}", // 4
				complaint("c2", "RECEIVED", null).replace("\"category\":\"FABRICATION\",", ""), // 5
				complaint("c3", "RECEIVED", null).replace("\"channel\":\"IN_APP_REPORT\"", "\"channel\":\"FAX\""), // 6
				metric("m2", "2026-05-18", 100, 101, 2), // 7 explicit above published
				metric("m3", "2026-05-18", 100, 90, 9).replace("\"appeals_filed\":5", "\"appeals_filed\":3"), // 8
				metric("m4", tomorrow, 100, 90, 2), // 9 future
				metric("m5", "18/05/2026", 100, 90, 2), // 10 not a date
				metric("m6", today, -1, 0, 0), // 11 negative
				complaint("c4", "HANDLED", "2026-05-17T08:00:00+08:00"), // 12 handled
																			// before
				complaint("c5", "RECEIVED", null).replace("\"summary\":\"合成视频未标识\"",
						"\"summary\":\"" + "长".repeat(501) + "\""), // 13 too long
				complaint("c6", "RECEIVED", null).replace(credit(), "91110000000000000X"), // 14
				action("a1", "REGULATOR", "FINE", null), // 15 fine without amount
				action("a2", "PLATFORM", "CONTENT_REMOVED", null), // 16 good
				action("a3", "PLATFORM", "INTERVIEW", null), // 17 platform can't
																// interview
				action("a4", "REGULATOR", "FINE", "50000.00")); // 18 good
		Path file = write("mixed.jsonl", String.join("\n", lines), StandardCharsets.UTF_8);

		Run execution = upload(file, null);

		assertThat(execution.status()).isEqualTo(BatchStatus.COMPLETED);
		Map<Long, String> rejects = this.jdbc
			.sql("SELECT position, CONCAT(field, ' ', reason_code) FROM feed_reject WHERE run_id = :run")
			.param("run", runOf(execution))
			.query((rs) -> {
				Map<Long, String> found = new java.util.TreeMap<>();
				while (rs.next()) {
					found.put(rs.getLong(1), rs.getString(2));
				}
				return found;
			});
		assertThat(rejects).containsExactlyInAnyOrderEntriesOf(
				Map.ofEntries(Map.entry(2L, "(record) MALFORMED"), Map.entry(4L, "type UNKNOWN_TYPE"),
						Map.entry(5L, "category REQUIRED"), Map.entry(6L, "channel NOT_ALLOWED"),
						Map.entry(7L, "explicit_labeled ABOVE_TOTAL"), Map.entry(8L, "appeals_upheld ABOVE_TOTAL"),
						Map.entry(9L, "date IN_FUTURE"), Map.entry(10L, "date WRONG_TYPE"),
						Map.entry(11L, "published OUT_OF_RANGE"), Map.entry(12L, "handled_at HANDLED_BEFORE_RECEIVED"),
						Map.entry(13L, "summary TOO_LONG"), Map.entry(14L, "enterprise OTHER_ENTERPRISE"),
						Map.entry(15L, "amount INCONSISTENT"), Map.entry(17L, "action_type INCONSISTENT")));
		assertThat(count("complaint")).isEqualTo(1);
		assertThat(count("labeling_metric")).isEqualTo(1);
		assertThat(count("enforcement_action")).isEqualTo(2);
		assertThat(runCounts(runOf(execution))).containsExactly(18L, 4L, 14L);
		assertThat(this.jdbc.sql("SELECT detail FROM feed_reject WHERE run_id = :run AND position = 6")
			.param("run", runOf(execution))
			.query(String.class)
			.single()).contains("'FAX' is not one of IN_APP_REPORT");
	}

	@Test
	void resentRecordUpdatesTheStoredOneAndNeverDuplicatesIt() throws Exception {
		upload(write("first.jsonl", complaint("c1", "RECEIVED", null), StandardCharsets.UTF_8), null);

		Run second = upload(
				write("second.jsonl", complaint("c1", "HANDLED", "2026-05-18T10:00:00+08:00"), StandardCharsets.UTF_8),
				null);

		assertThat(second.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("complaint")).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT status FROM complaint WHERE enterprise_id = :e")
			.param("e", this.enterpriseId)
			.query(String.class)
			.single()).isEqualTo("HANDLED");
		assertThat(this.jdbc.sql("""
				SELECT CONCAT(received, '/', handled) FROM complaint_agg
				WHERE enterprise_id = :e AND grain = 'D' AND content_type = '*'""")
			.param("e", this.enterpriseId)
			.query(String.class)
			.single()).isEqualTo("1/1");
	}

	@Test
	void recordSentTwiceInOneChunkEndsAsItsLaterVersionBesideStoredAndNewOnes() throws Exception {
		upload(write("first.jsonl", complaint("d1", "RECEIVED", null), StandardCharsets.UTF_8), null);

		Run run = upload(write("twice.jsonl",
				String.join("\n", complaint("d2", "RECEIVED", null),
						complaint("d1", "HANDLED", "2026-05-18T10:00:00+08:00"),
						complaint("d2", "RECEIVED", null).replace("2026-05-18T09:30", "2026-05-20T09:30")),
				StandardCharsets.UTF_8), null);

		assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.sql("""
				SELECT CONCAT(platform_id, ' ', status, ' ', received_day) FROM complaint
				WHERE enterprise_id = :e ORDER BY platform_id""")
			.param("e", this.enterpriseId)
			.query(String.class)
			.list()).containsExactly("d1 HANDLED 2026-05-18", "d2 RECEIVED 2026-05-20");
		assertThat(this.jdbc.sql("""
				SELECT CONCAT(period_start, ':', received, '/', handled) FROM complaint_agg
				WHERE enterprise_id = :e AND grain = 'D' AND content_type = '*' ORDER BY period_start""")
			.param("e", this.enterpriseId)
			.query(String.class)
			.list()).containsExactly("2026-05-18:1/1", "2026-05-20:1/0");
	}

	@Test
	void storedRecordKeepsItsTextAndTimesExactlyAsSent() throws Exception {
		// tabs, line breaks, backslashes and \N mean something to LOAD DATA, which stores
		// the chunks: they must arrive as text
		String summary = "a\tb\nc\\d \\N e\r 合成视频";
		String line = complaint("t1", "HANDLED", "2026-05-18T10:00:00.123456789+08:00")
			.replace("\"summary\":\"合成视频未标识\"", "\"summary\":" + JSON.writeValueAsString(summary));
		Run run = upload(write("text.jsonl", line, StandardCharsets.UTF_8), null);

		assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc
			.sql("SELECT CONCAT(summary, '|', received_at, '|', handled_at) FROM complaint WHERE enterprise_id = :e")
			.param("e", this.enterpriseId)
			.query(String.class)
			.single()).isEqualTo(summary + "|2026-05-18 01:30:00.000000|2026-05-18 02:00:00.123456");
	}

	@Test
	void recordMovedToAnotherDayLeavesNoCountOnTheDayItLeft() throws Exception {
		upload(write("first.jsonl", complaint("m1", "RECEIVED", null), StandardCharsets.UTF_8), null);

		upload(write("moved.jsonl", complaint("m1", "RECEIVED", null).replace("2026-05-18T09:30", "2026-05-20T09:30"),
				StandardCharsets.UTF_8), null);

		assertThat(this.jdbc.sql("""
				SELECT CONCAT(grain, ' ', period_start, ':', received) FROM complaint_agg
				WHERE enterprise_id = :e AND content_type = '*' ORDER BY grain, period_start""")
			.param("e", this.enterpriseId)
			.query(String.class)
			.list()).containsExactly("D 2026-05-20:1", "M 2026-05-01:1", "W 2026-05-18:1");
	}

	@Test
	void runWhoseHoldOnTheFeedWasTakenOverStopsWithoutWriting() throws Exception {
		Path file = write("taken.jsonl", complaint("t1", "RECEIVED", null), StandardCharsets.UTF_8);
		long runId = this.feedRuns.claimUpload(this.enterpriseId, file.getFileName().toString(), "test",
				UploadFiles.countRecords(file), this.uploads.keep(file));
		// as if this run had stalled past the time-out and another had claimed the feed
		this.jdbc.sql("UPDATE feed SET lock_run_id = :other WHERE enterprise_id = :e")
			.param("other", runId + 1000)
			.param("e", this.enterpriseId)
			.update();

		BatchStatus status = this.jobs.startJob(new JobParametersBuilder().addLong("runId", runId).toJobParameters())
			.getStatus();

		assertThat(status).isEqualTo(BatchStatus.FAILED);
		assertThat(count("complaint")).isZero();
	}

	@Test
	void gb18030CsvUploadIsDetectedAndReadWithItsChineseText() throws Exception {
		String csv = "id,enterprise,received_at,category,content_type,channel,status,handled_at,outcome,summary\r\n"
				+ "g1," + credit() + ",2026-05-18T09:30:00+08:00,RUMOR,VIDEO,HOTLINE,RECEIVED,,,AI合成的“官方通报”谣言视频\r\n"
				+ "g2," + credit() + ",2026-05-19T09:30:00+08:00,HARMFUL_CONTENT,IMAGE,WEB_FORM,HANDLED,"
				+ "2026-05-19T10:00:00+08:00,CONTENT_REMOVED,低俗换脸图片\r\n";
		Path file = write("complaints.csv", csv, Charset.forName("GB18030"));
		assertThat(UploadFiles.detectCharset(file).name()).isEqualTo("GB18030");

		Run execution = upload(file, RecordType.COMPLAINT);

		assertThat(execution.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.sql("SELECT summary FROM complaint WHERE enterprise_id = :e ORDER BY platform_id")
			.param("e", this.enterpriseId)
			.query(String.class)
			.list()).containsExactly("AI合成的“官方通报”谣言视频", "低俗换脸图片");
		assertThat(
				this.jdbc.sql("SELECT campaign_category FROM complaint WHERE platform_id = 'g1' AND enterprise_id = :e")
					.param("e", this.enterpriseId)
					.query(String.class)
					.single())
			.isEqualTo("RUMOR");
	}

	@Test
	void jsonLinesUploadWithAnInvalidByteStoresItsOtherLinesAndRefusesThatOne() throws Exception {
		byte[] bad = complaint("e2", "RECEIVED", null).getBytes(StandardCharsets.UTF_8);
		int at = indexOf(bad, "合".getBytes(StandardCharsets.UTF_8));
		bad[at + 1] = (byte) 0xFF;
		Path file = write("bad-byte.jsonl", bytes(complaint("e1", "RECEIVED", null) + "\n"), bad,
				bytes("\n" + complaint("e3", "RECEIVED", null) + "\n"));
		assertThat(UploadFiles.countRecords(file)).isEqualTo(3);

		Run run = upload(file, null);

		assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rejects(run)).containsExactly("2 (record) ENCODING");
		assertThat(rejectDetail(run, 2)).contains("line 2 is not valid UTF-8: byte 0x");
		assertThat(summaries()).containsExactly("合成视频未标识", "合成视频未标识");
		assertThat(runCounts(run.id())).containsExactly(3L, 2L, 1L);
	}

	@Test
	void utf8CsvWithOneBadLineStaysUtf8AndKeepsItsChineseText() throws Exception {
		String header = "id,enterprise,received_at,category,content_type,channel,status,handled_at,outcome,summary\n";
		Path file = write("one-bad.csv", bytes(header + csvComplaint("u1", "AI合成的谣言视频") + "\n"),
				csvComplaint("u2", "低俗换脸图片").getBytes(Charset.forName("GB18030")),
				bytes("\n" + csvComplaint("u3", "未标识的合成语音") + "\n"));

		Run run = upload(file, RecordType.COMPLAINT);

		assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rejects(run)).containsExactly("3 (record) ENCODING");
		assertThat(summaries()).containsExactly("AI合成的谣言视频", "未标识的合成语音");
	}

	@Test
	void csvWithByteOrderMarkIsUtf8AndItsBadLineIsRefused() throws Exception {
		String header = "\uFEFFid,enterprise,received_at,category,content_type,channel,status,handled_at,outcome,summary\r\n";
		Path file = write("bom.csv", bytes(header), new byte[] { (byte) 0xC0, ',', 'x', '\r', '\n' },
				bytes(csvComplaint("b1", "换脸视频") + "\r\n"));

		Run run = upload(file, RecordType.COMPLAINT);

		assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rejects(run)).containsExactly("2 (record) ENCODING");
		assertThat(summaries()).containsExactly("换脸视频");
	}

	@Test
	void gb18030CsvWithABadByteKeepsItsOtherLines() throws Exception {
		Charset gb18030 = Charset.forName("GB18030");
		String header = "id,enterprise,received_at,category,content_type,channel,status,handled_at,outcome,summary\r\n";
		byte[] bad = (csvComplaint("g2", "谣言") + "\r\n").getBytes(gb18030);
		bad[bad.length - 3] = (byte) 0xFF;
		Path file = write("gb-bad.csv", (header + csvComplaint("g1", "官方通报谣言") + "\r\n").getBytes(gb18030), bad,
				(csvComplaint("g3", "低俗换脸图片") + "\r\n").getBytes(gb18030));

		Run run = upload(file, RecordType.COMPLAINT);

		assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rejects(run)).containsExactly("3 (record) ENCODING");
		assertThat(rejectDetail(run, 3)).contains("not valid GB18030");
		assertThat(summaries()).containsExactly("官方通报谣言", "低俗换脸图片");
	}

	@Test
	void fileCutShortStoresItsWholeLinesAndRefusesTheLastOne() throws Exception {
		byte[] whole = (complaint("k1", "RECEIVED", null) + "\n" + complaint("k2", "RECEIVED", null))
			.getBytes(StandardCharsets.UTF_8);
		// cut inside the last line's Chinese summary, in the middle of a character
		byte[] cut = Arrays.copyOf(whole, whole.length - 7);
		Path file = write("cut.jsonl", cut);

		Run run = upload(file, null);

		assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rejects(run)).containsExactly("2 (record) ENCODING");
		assertThat(rejectDetail(run, 2)).contains("cut short");
		assertThat(count("complaint")).isEqualTo(1);

		Path json = write("cut-json.jsonl",
				bytes(complaint("k3", "RECEIVED", null) + "\n{\"type\":\"complaint\",\"id\":\"k4"));
		Run cutJson = upload(json, null);

		assertThat(rejects(cutJson)).containsExactly("2 (record) MALFORMED");
		assertThat(rejectDetail(cutJson, 2)).contains("cut short");
	}

	@Test
	void emptyAndBlankFilesEndWithNoRecordAndNoError() throws Exception {
		for (byte[] content : List.of(new byte[0], bytes("\n\r\n  \n"), bytes("\uFEFF"))) {
			Path file = write("empty.jsonl", content);
			assertThat(UploadFiles.countRecords(file)).isZero();

			Run run = upload(file, null);

			assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(runCounts(run.id())).containsExactly(0L, 0L, 0L);
		}
	}

	@Test
	void sameIdTwiceInOneFileKeepsTheLastAndListsTheEarlierAsADuplicate() throws Exception {
		// ids are one record whatever their case, as the table's key sees them
		Path file = write("twice.jsonl",
				bytes(String.join("\n", complaint("d1", "RECEIVED", null), complaint("d2", "RECEIVED", null),
						complaint("D1", "HANDLED", "2026-05-18T10:00:00+08:00"),
						metric("d1", "2026-05-18", 100, 90, 2))));

		Run run = upload(file, null);

		assertThat(run.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rejects(run)).containsExactly("1 id DUPLICATE_ID");
		assertThat(rejectDetail(run, 1)).contains("d1 is sent again on line 3");
		assertThat(this.jdbc.sql("SELECT status FROM complaint WHERE enterprise_id = :e AND platform_id = 'd1'")
			.param("e", this.enterpriseId)
			.query(String.class)
			.single()).isEqualTo("HANDLED");
		// another type's record of the same id is another record
		assertThat(count("labeling_metric")).isEqualTo(1);
		assertThat(runCounts(run.id())).containsExactly(4L, 3L, 1L);
	}

	@Test
	void duplicatesAcrossARestartAreFoundAgain() throws Exception {
		List<String> lines = complaints(30);
		lines.set(25, complaint("p3", "HANDLED", "2026-05-18T10:00:00+08:00"));
		Path file = write("thirty-twice.jsonl", bytes(String.join("\n", lines)));
		Run failed = uploadRefusedAt(file, "p20");
		assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);

		assertThat(this.feedRuns.restart(failed.id()).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(rejects(failed)).containsExactly("4 id DUPLICATE_ID");
		assertThat(count("complaint")).isEqualTo(29);
		assertThat(runCounts(failed.id())).containsExactly(30L, 29L, 1L);
	}

	@Test
	void countAboveTheInterfacesMaximumIsOutOfRangeWhateverItsLength() throws Exception {
		Path file = write("big.jsonl",
				bytes(String.join("\n", metric("n1", "2026-05-18", 1_000_000_000_000L, 0, 0),
						metric("n2", "2026-05-18", 100, 90, 2).replace("\"verified\":0",
								"\"verified\":" + "9".repeat(40)),
						metric("n3", "2026-05-18", 999_999_999_999L, 0, 0),
						action("n4", "REGULATOR", "FINE", "\"99999999999999.99\""))));

		Run run = upload(file, null);

		assertThat(rejects(run)).containsExactly("1 published OUT_OF_RANGE", "2 verified OUT_OF_RANGE",
				"4 amount OUT_OF_RANGE");
	}

	@Test
	void aPageChangedBeforeTheRestartIsReadAgainFromItsStartAndNothingIsPassedOver() throws Exception {
		List<String> records = new java.util.ArrayList<>(complaints(95));
		try (SimulatedPlatform platform = new SimulatedPlatform(records)) {
			configure(platform);
			platform.failWith(500, 50, Integer.MAX_VALUE);
			long runId = this.feedRuns.claimPull(this.enterpriseId, "test");
			assertThat(pull(runId)).isEqualTo(BatchStatus.FAILED);
			assertThat(count("complaint")).isEqualTo(49);
			// the page at cursor 40 now begins with a record the run never saw: skipping
			// the 9 records committed of it by count would pass over it
			records.add(40, complaint("p-new", "RECEIVED", null));

			platform.recover();
			assertThat(this.feedRuns.restart(runId).getStatus()).isEqualTo(BatchStatus.COMPLETED);

			assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT platform_id) FROM complaint WHERE enterprise_id = :e")
				.param("e", this.enterpriseId)
				.query(Long.class)
				.single()).isEqualTo(96);
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM complaint WHERE platform_id = 'p-new'")
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	@Test
	void pullRunFailedMidwayIsRestartedAndEndsWithExactlyItsRecords() throws Exception {
		try (SimulatedPlatform platform = new SimulatedPlatform(complaints(95))) {
			configure(platform);
			platform.failWith(500, 50, Integer.MAX_VALUE);
			long runId = this.feedRuns.claimPull(this.enterpriseId, "test");

			BatchStatus failed = pull(runId);

			assertThat(failed).isEqualTo(BatchStatus.FAILED);
			// chunks of 7: 49 records committed; the page 40-49 is not wholly committed,
			// so
			// the cursor stays at its start
			assertThat(count("complaint")).isEqualTo(49);
			assertThat(runCounts(runId)).containsExactly(49L, 49L, 0L);
			assertThat(cursor()).isEqualTo("40");
			assertThat(runMessage(runId)).contains("unreachable after 4 attempts");
			assertThat(runDays(runId)).as("the days written, kept for the restart's aggregation").isPositive();

			platform.recover();
			BatchStatus restarted = this.feedRuns.restart(runId).getStatus();

			assertThat(restarted).isEqualTo(BatchStatus.COMPLETED);
			assertThat(count("complaint")).isEqualTo(95);
			assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT platform_id) FROM complaint WHERE enterprise_id = :e")
				.param("e", this.enterpriseId)
				.query(Long.class)
				.single()).isEqualTo(95);
			assertThat(runCounts(runId)).containsExactly(95L, 95L, 0L);
			assertThat(cursor()).isEqualTo("95");
			assertThat(this.jdbc
				.sql("""
						SELECT SUM(received) FROM complaint_agg WHERE enterprise_id = :e AND grain = 'D' AND content_type = '*'""")
				.param("e", this.enterpriseId)
				.query(Long.class)
				.single()).isEqualTo(95);
			assertThat(runDays(runId)).as("forgotten once aggregated").isZero();
		}
	}

	private long runDays(long runId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM feed_run_day WHERE run_id = :run")
			.param("run", runId)
			.query(Long.class)
			.single();
	}

	@Test
	void uploadRunFailedMidwayByTheDatabaseIsRestartedAndEndsWithExactlyItsRecords() throws Exception {
		Path file = write("thirty.jsonl", String.join("\n", complaints(30)), StandardCharsets.UTF_8);
		// the database refuses the 21st record, as a full disk or a lost connection would
		Run failed = uploadRefusedAt(file, "p20");

		assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
		// chunks of 7: the first two are committed, the third (records 15 to 21) is not
		assertThat(count("complaint")).isEqualTo(14);
		String upload = heldUpload(failed.id());
		assertThat(upload).as("the failed run keeps its file for the restart").isNotNull();
		assertThat(this.uploads.kept(upload)).isTrue();

		BatchStatus restarted = this.feedRuns.restart(failed.id()).getStatus();

		assertThat(restarted).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("complaint")).isEqualTo(30);
		assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT platform_id) FROM complaint WHERE enterprise_id = :e")
			.param("e", this.enterpriseId)
			.query(Long.class)
			.single()).isEqualTo(30);
		assertThat(runCounts(failed.id())).containsExactly(30L, 30L, 0L);
		assertThat(heldUpload(failed.id())).as("the completed run lets go of its file").isNull();
		assertThat(this.uploads.kept(upload)).isFalse();
	}

	@Test
	void failedUploadRunNotRestartedWithinTheRetentionLetsGoOfItsFileAndIsNoLongerRestartable() throws Exception {
		Path file = write("kept.jsonl", String.join("\n", complaints(10)), StandardCharsets.UTF_8);
		Run failed = uploadRefusedAt(file, "p3");
		assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
		String upload = heldUpload(failed.id());

		this.feedRuns.releaseUploads(Duration.ofDays(7));
		assertThat(heldUpload(failed.id())).as("within the retention").isEqualTo(upload);

		this.jdbc.sql("UPDATE feed_run SET ended_at = ended_at - INTERVAL 8 DAY WHERE id = :id")
			.param("id", failed.id())
			.update();
		assertThat(this.feedRuns.releaseUploads(Duration.ofDays(7))).isPositive();

		assertThat(heldUpload(failed.id())).isNull();
		assertThat(this.uploads.kept(upload)).isFalse();
		assertThatThrownBy(() -> this.feedRuns.restart(failed.id())).isInstanceOf(FeedException.class)
			.hasMessageContaining("no longer has its file");
	}

	private String heldUpload(long runId) {
		return this.jdbc.sql("SELECT upload_sha256 FROM feed_run WHERE id = :id")
			.param("id", runId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Test
	void serverErrorsAreRetriedWithBackOffAndTheRunCompletes() throws Exception {
		try (SimulatedPlatform platform = new SimulatedPlatform(complaints(25))) {
			configure(platform);
			platform.failWith(503, 10, 2);

			BatchStatus execution = pull(this.feedRuns.claimPull(this.enterpriseId, "test"));

			assertThat(execution).isEqualTo(BatchStatus.COMPLETED);
			assertThat(count("complaint")).isEqualTo(25);
			assertThat(platform.requests()).containsExactly("cursor=0", "cursor=10", "cursor=10", "cursor=10",
					"cursor=20");
			assertThat(platform.userAgents()).as("the portal names itself as the interface says")
				.hasSize(5)
				.containsOnly(PlatformClient.USER_AGENT);
		}
	}

	@Test
	void aPlatformsRetryAfterIsWaitedBeforeTheNextAttempt() throws Exception {
		try (SimulatedPlatform platform = new SimulatedPlatform(complaints(15))) {
			configure(platform);
			platform.failWith(429, 10, 1);
			platform.retryAfter("1");

			BatchStatus execution = pull(this.feedRuns.claimPull(this.enterpriseId, "test"));

			assertThat(execution).isEqualTo(BatchStatus.COMPLETED);
			assertThat(count("complaint")).isEqualTo(15);
			assertThat(platform.requests()).containsExactly("cursor=0", "cursor=10", "cursor=10");
			List<Long> at = platform.requestMillis();
			assertThat(at.get(2) - at.get(1)).as("waited as the platform asked").isGreaterThanOrEqualTo(1000);
		}
	}

	@Test
	void refusedTokenFailsTheRunWithAClearMessageAndLeavesTheCursor() throws Exception {
		try (SimulatedPlatform platform = new SimulatedPlatform(complaints(25))) {
			configure(platform);
			this.jdbc.sql("UPDATE feed SET token_ciphertext = :t, cursor_value = '10' WHERE enterprise_id = :e")
				.param("t", this.cipher.encrypt("revoked-token"))
				.param("e", this.enterpriseId)
				.update();
			long runId = this.feedRuns.claimPull(this.enterpriseId, "test");

			BatchStatus execution = pull(runId);

			assertThat(execution).isEqualTo(BatchStatus.FAILED);
			assertThat(runMessage(runId)).contains("refused the token (HTTP 401)");
			assertThat(cursor()).isEqualTo("10");
			assertThat(count("complaint")).isZero();
			assertThat(platform.requests()).hasSize(1);
			assertThat(this.jdbc.sql("SELECT lock_run_id FROM feed WHERE enterprise_id = :e")
				.param("e", this.enterpriseId)
				.query(Long.class)
				.optional()).isEmpty();
		}
	}

	@Test
	void malformedPageFailsTheRunAndLeavesTheCursor() throws Exception {
		try (SimulatedPlatform platform = new SimulatedPlatform(complaints(5))) {
			configure(platform);
			platform.answerWith("{\"items\":[]}");
			long runId = this.feedRuns.claimPull(this.enterpriseId, "test");

			BatchStatus execution = pull(runId);

			assertThat(execution).isEqualTo(BatchStatus.FAILED);
			assertThat(runMessage(runId)).contains("malformed page");
			assertThat(cursor()).isNull();
		}
	}

	@Test
	void aRunWhoseDatabaseConnectionsAreCutMidwayIsRestartedAndEndsWithExactlyTheRecordsServed() throws Exception {
		try (SimulatedPlatform platform = new SimulatedPlatform(complaints(1500))) {
			configure(platform);
			// 150 pages of 10, 40 ms each: six seconds in all, so that the cut comes
			// mid-way
			platform.slowDown(40);
			long runId = this.feedRuns.claimPull(this.enterpriseId, "test");
			ExecutorService cutter = Executors.newSingleThreadExecutor();
			// as a Galera node dying under the portal: every connection to it gone at
			// once. A cut that lands between two chunks (after one's commit, before the
			// next begins) costs the run nothing, the pool replacing the dead
			// connections: the cut is made again whenever the run has committed more
			// since the last one, until the run stops
			AtomicBoolean pulled = new AtomicBoolean();
			Future<Integer> cut = cutter.submit(() -> {
				while (count("complaint") < 200) {
					Thread.sleep(5);
				}
				int killed = cutConnections();
				long seen = countAfterCut();
				while (!pulled.get()) {
					Thread.sleep(20);
					long now = countAfterCut();
					if (now > seen) {
						killed += cutConnections();
						seen = countAfterCut();
					}
				}
				return killed;
			});
			BatchStatus status = pull(runId);
			pulled.set(true);
			// failed, or UNKNOWN when the chunk's rollback failed too
			assertThat(status).isIn(BatchStatus.FAILED, BatchStatus.UNKNOWN);
			assertThat(cut.get(30, TimeUnit.SECONDS)).isPositive();
			cutter.shutdown();
			assertThat(this.jdbc.sql("SELECT status FROM feed_run WHERE id = :id")
				.param("id", runId)
				.query(String.class)
				.single()).as(runMessage(runId)).isEqualTo("INTERRUPTED");
			assertThat(runMessage(runId)).startsWith("the database failed for a moment");
			assertThat(count("complaint")).isLessThan(1500);

			// its restart due, the watch (of any node) restarts it from its last
			// committed chunk
			platform.slowDown(0);
			this.jdbc.sql("UPDATE feed_run SET restart_at = UTC_TIMESTAMP(6) WHERE id = :id")
				.param("id", runId)
				.update();
			this.watch.watch();
			long waited = System.nanoTime();
			while (!"COMPLETED".equals(this.jdbc.sql("SELECT status FROM feed_run WHERE id = :id")
				.param("id", runId)
				.query(String.class)
				.single())) {
				assertThat(System.nanoTime() - waited).as("restarted run completes")
					.isLessThan(TimeUnit.SECONDS.toNanos(120));
				Thread.sleep(50);
			}
			assertThat(count("complaint")).isEqualTo(1500);
			assertThat(runCounts(runId)).containsExactly(1500L, 1500L, 0L);
			assertThat(this.jdbc.sql("SELECT auto_restarts FROM feed_run WHERE id = :id")
				.param("id", runId)
				.query(Integer.class)
				.single()).isOne();
		}
	}

	@Test
	void aFeedThatIsRunningCannotBeStartedAgain() {
		this.feedRuns.claimPull(this.enterpriseId, "first");

		assertThatThrownBy(() -> this.feedRuns.claimPull(this.enterpriseId, "second"))
			.isInstanceOf(FeedBusyException.class);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM feed_run WHERE enterprise_id = :e")
			.param("e", this.enterpriseId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aFeedWhoseRunsNodeStoppedBeatingCanBeRunAgainAtOnce() {
		long dead = this.feedRuns.claimPull(this.enterpriseId, "first");
		// as a node killed a minute ago leaves its run: no more heartbeat
		this.jdbc.sql("""
				UPDATE feed_run SET status = 'RUNNING', owner_node = 'gone/1/000000',
				  heartbeat_at = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE WHERE id = :id""").param("id", dead).update();

		long next = this.feedRuns.claimPull(this.enterpriseId, "second");

		assertThat(next).isGreaterThan(dead);
		assertThat(this.jdbc.sql("SELECT lock_run_id FROM feed WHERE enterprise_id = :e")
			.param("e", this.enterpriseId)
			.query(Long.class)
			.single()).isEqualTo(next);
	}

	@Test
	void refusedConnectionFailsTheRunNamingTheHostThePortAndWhatFailed() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		this.jdbc
			.sql("""
					INSERT INTO feed (enterprise_id, base_url, token_ciphertext, enabled) VALUES (:e, :url, :token, TRUE)""")
			.param("e", this.enterpriseId)
			.param("url", "http://127.0.0.1:" + port)
			.param("token", this.cipher.encrypt(SimulatedPlatform.TOKEN))
			.update();
		long runId = this.feedRuns.claimPull(this.enterpriseId, "test");

		BatchStatus execution = pull(runId);

		assertThat(execution).isEqualTo(BatchStatus.FAILED);
		assertThat(runMessage(runId))
			.isEqualTo("platform unreachable after 4 attempts at the start: connection to host 127.0.0.1 port " + port
					+ " failed: connection refused (ConnectException)");
	}

	@Test
	void cursorResetToADayAsksFromThatDayAndRunsBeforeTheResetAreNotRestarted() throws Exception {
		try (SimulatedPlatform platform = new SimulatedPlatform(complaints(25))) {
			configure(platform);
			platform.failWith(500, 0, Integer.MAX_VALUE);
			long failed = this.feedRuns.claimPull(this.enterpriseId, "test");
			assertThat(pull(failed)).isEqualTo(BatchStatus.FAILED);
			this.jdbc.sql("UPDATE feed SET cursor_value = 'old-endpoint:10' WHERE enterprise_id = :e")
				.param("e", this.enterpriseId)
				.update();
			platform.recover();
			platform.requests().clear();

			this.feedRuns.resetCursor(this.enterpriseId, LocalDate.of(2026, 5, 10));

			assertThat(cursor()).isNull();
			assertThatThrownBy(() -> this.feedRuns.restart(failed)).isInstanceOf(FeedException.class)
				.hasMessageContaining("superseded");
			assertThat(pull(this.feedRuns.claimPull(this.enterpriseId, "test"))).isEqualTo(BatchStatus.COMPLETED);
			assertThat(platform.requests()).containsExactly("cursor=0 since=2026-05-10", "cursor=10", "cursor=20");
			assertThat(cursor()).isEqualTo("25");
		}
	}

	@Test
	void cursorOfARunningFeedIsNotReset() {
		this.feedRuns.claimPull(this.enterpriseId, "test");

		assertThatThrownBy(() -> this.feedRuns.resetCursor(this.enterpriseId, null))
			.isInstanceOf(FeedBusyException.class);
	}

	/**
	 * Uploads a file while the database refuses the record of that id, as a full disk or
	 * a lost connection would (a constraint, not a trigger: MariaDB 11.4 fails INSERT …
	 * SELECT of several rows into a table with a BEFORE INSERT trigger, which the writer
	 * uses).
	 */
	private Run uploadRefusedAt(Path file, String platformId) throws Exception {
		this.jdbc
			.sql("ALTER TABLE complaint ADD CONSTRAINT complaint_test_failure CHECK (platform_id <> '" + platformId
					+ "' OR enterprise_id <> " + this.enterpriseId + ")")
			.update();
		try {
			return upload(file, null);
		}
		finally {
			this.jdbc.sql("ALTER TABLE complaint DROP CONSTRAINT complaint_test_failure").update();
		}
	}

	private Run upload(Path file, RecordType csvType) throws Exception {
		long runId = this.feedRuns.claimUpload(this.enterpriseId, file.getFileName().toString(), "test",
				UploadFiles.countRecords(file), this.uploads.keep(file));
		JobParametersBuilder parameters = new JobParametersBuilder().addLong("runId", runId);
		if (csvType != null) {
			parameters.addString("csvType", csvType.name(), false);
		}
		return new Run(runId, this.jobs.startJob(parameters.toJobParameters()).getStatus());
	}

	private BatchStatus pull(long runId) throws Exception {
		return this.jobs.startJob(new JobParametersBuilder().addLong("runId", runId).toJobParameters()).getStatus();
	}

	private void configure(SimulatedPlatform platform) {
		FeedFixtures.pullFeed(this.jdbc, this.cipher, this.enterpriseId, platform);
	}

	private List<String> complaints(int n) {
		return FeedFixtures.complaints(credit(), n);
	}

	private String complaint(String id, String status, String handledAt) {
		return "{\"type\":\"complaint\",\"id\":\"" + id + "\",\"enterprise\":\"" + credit()
				+ "\",\"received_at\":\"2026-05-18T09:30:00+08:00\",\"category\":\"FABRICATION\",\"content_type\":\"VIDEO\","
				+ "\"channel\":\"IN_APP_REPORT\",\"status\":\"" + status + "\""
				+ ((handledAt != null) ? ",\"handled_at\":\"" + handledAt + "\",\"outcome\":\"CONTENT_REMOVED\"" : "")
				+ ",\"summary\":\"合成视频未标识\"}";
	}

	private String metric(String id, String date, long published, long explicit, long upheld) {
		return "{\"type\":\"labeling_metric\",\"id\":\"" + id + "\",\"enterprise\":\"" + credit() + "\",\"date\":\""
				+ date + "\",\"content_type\":\"IMAGE\",\"published\":" + published + ",\"explicit_labeled\":"
				+ explicit + ",\"implicit_labeled\":0,\"user_declared\":0,\"platform_detected\":0,\"verified\":0,"
				+ "\"appeals_filed\":5,\"appeals_upheld\":" + upheld + ",\"tampering_detected\":0}";
	}

	private String action(String id, String actor, String type, String amount) {
		return "{\"type\":\"enforcement_action\",\"id\":\"" + id + "\",\"enterprise\":\"" + credit()
				+ "\",\"date\":\"2026-06-01\",\"actor\":\"" + actor + "\",\"action_type\":\"" + type
				+ "\",\"category\":\"INFRINGEMENT_VOICE\",\"count\":3"
				+ ((amount != null) ? ",\"amount\":" + amount : "") + "}";
	}

	private String credit() {
		return this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :e")
			.param("e", this.enterpriseId)
			.query(String.class)
			.single();
	}

	private Path write(String name, String content, Charset charset) throws Exception {
		return Files.write(this.files.resolve(name), content.getBytes(charset));
	}

	private Path write(String name, byte[]... parts) throws Exception {
		java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			content.write(part);
		}
		return Files.write(this.files.resolve(name), content.toByteArray());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		for (int i = 0; i + part.length <= bytes.length; i++) {
			if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
				return i;
			}
		}
		throw new IllegalArgumentException("not found");
	}

	private String csvComplaint(String id, String summary) {
		return id + "," + credit() + ",2026-05-18T09:30:00+08:00,RUMOR,VIDEO,HOTLINE,RECEIVED,,," + summary;
	}

	/** A run's rejects as "position field reason", in the order of the file. */
	private List<String> rejects(Run run) {
		return this.jdbc.sql(
				"SELECT CONCAT(position, ' ', field, ' ', reason_code) FROM feed_reject WHERE run_id = :run ORDER BY position")
			.param("run", run.id())
			.query(String.class)
			.list();
	}

	private String rejectDetail(Run run, long position) {
		return this.jdbc.sql("SELECT detail FROM feed_reject WHERE run_id = :run AND position = :position")
			.param("run", run.id())
			.param("position", position)
			.query(String.class)
			.single();
	}

	private List<String> summaries() {
		return this.jdbc.sql("SELECT summary FROM complaint WHERE enterprise_id = :e ORDER BY platform_id")
			.param("e", this.enterpriseId)
			.query(String.class)
			.list();
	}

	private long count(String table) {
		return FeedFixtures.count(this.jdbc, table, this.enterpriseId);
	}

	/** Kills every connection of the portal's database user but the one asking. */
	private int cutConnections() {
		List<Long> others = this.jdbc.sql("""
				SELECT id FROM information_schema.PROCESSLIST
				WHERE user = SUBSTRING_INDEX(USER(), '@', 1) AND id <> CONNECTION_ID()""").query(Long.class).list();
		for (long connection : others) {
			this.jdbc.sql("KILL CONNECTION " + connection).update();
		}
		return others.size();
	}

	/**
	 * The complaints stored, asked again on a fresh connection if a cut took the pooled
	 * one.
	 */
	private long countAfterCut() {
		while (true) {
			try {
				return count("complaint");
			}
			catch (DataAccessException ex) {
				// the pool drops the dead connection; the next one is new
			}
		}
	}

	private long runOf(Run run) {
		return run.id();
	}

	/** A finished run: its id and how it ended. */
	record Run(long id, BatchStatus status) {
	}

	private List<Long> runCounts(long runId) {
		return this.jdbc.sql("SELECT read_count, written_count, rejected_count FROM feed_run WHERE id = :id")
			.param("id", runId)
			.query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	private String runMessage(long runId) {
		return this.jdbc.sql("SELECT message FROM feed_run WHERE id = :id")
			.param("id", runId)
			.query(String.class)
			.single();
	}

	private String cursor() {
		return this.jdbc.sql("SELECT cursor_value FROM feed WHERE enterprise_id = :e")
			.param("e", this.enterpriseId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(FeedJobConfiguration.class)
	static class TestApplication {

		/** The host's clock (the portal's, in its configured zone). */
		@Bean
		java.time.Clock clock() {
			return java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai"));
		}

		@Bean
		TokenCipher tokenCipher() {
			return new TokenCipher("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
		}

		@Bean
		TestUploads uploadStore(JdbcClient jdbc) {
			return new TestUploads(jdbc);
		}

	}

}
