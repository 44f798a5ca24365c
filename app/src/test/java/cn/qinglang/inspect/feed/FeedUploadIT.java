package cn.qinglang.inspect.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.batch.feed.FeedRuns;
import cn.qinglang.inspect.files.Blobs;
import cn.qinglang.inspect.support.Hashes;
import cn.qinglang.inspect.support.PortalClient;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files that are not quite right, uploaded over real HTTP through the platform's upload
 * form: each is answered on the page, its good lines are stored and its bad lines are
 * listed with their numbers, never an error page and never a lost file.
 */
@PortalTest
class FeedUploadIT {

	private static final long QINGQIONG = 1;

	private static final String FEED = "/my-enterprise/feed";

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Autowired
	Blobs blobs;

	@Autowired
	FeedRuns feedRuns;

	@Value("${qinglang.files.temp-dir}")
	Path tempDir;

	PortalClient platform;

	String prefix;

	@BeforeEach
	void signIn() throws Exception {
		this.platform = new PortalClient(this.port);
		this.platform.signIn("qingqiong", SignIn.DEMO_PASSWORD);
		this.prefix = "u" + System.nanoTime() + "-";
	}

	@Test
	void jsonLinesWithAnInvalidByteIsAnsweredOnThePageAndItsOtherLinesAreStored() throws Exception {
		byte[] bad = complaint(this.prefix + "2", "谣言视频").getBytes(StandardCharsets.UTF_8);
		bad[bad.length - 4] = (byte) 0xFF;
		byte[] file = join(line(complaint(this.prefix + "1", "合成视频") + "\n"), bad,
				line("\n" + complaint(this.prefix + "3", "换脸图片")));

		long run = upload("complaints.jsonl", file, Map.of());

		assertThat(stored()).containsExactly("合成视频", "换脸图片");
		String rejects = this.platform.get(FEED + "/runs/" + run + "/rejects").body();
		assertThat(rejects).contains("line 2 is not valid UTF-8").contains(message("ENCODING"));
		assertThat(this.platform.get(FEED + "/runs/" + run + "/rejects.csv").body()).contains("ENCODING");
	}

	@Test
	void gb18030CsvCutShortWithABadByteKeepsEveryReadableLine() throws Exception {
		Charset gb18030 = Charset.forName("GB18030");
		String header = "id,enterprise,received_at,category,content_type,channel,status,handled_at,outcome,summary\r\n";
		byte[] bad = (csv(this.prefix + "2", "官方通报") + "\r\n").getBytes(gb18030);
		bad[bad.length - 3] = (byte) 0xFF;
		byte[] cut = csv(this.prefix + "4", "低俗").getBytes(gb18030);
		byte[] file = join((header + csv(this.prefix + "1", "AI合成谣言") + "\r\n").getBytes(gb18030), bad,
				(csv(this.prefix + "3", "换脸") + "\r\n").getBytes(gb18030),
				java.util.Arrays.copyOf(cut, cut.length - 1));

		long run = upload("complaints.csv", file, Map.of("csvType", "COMPLAINT"));

		assertThat(stored()).containsExactly("AI合成谣言", "换脸");
		assertThat(this.platform.get(FEED + "/runs/" + run + "/rejects").body()).contains("line 3 is not valid GB18030")
			.contains("line 5 is not valid GB18030")
			.contains("cut short");
	}

	@Test
	void sameIdTwiceIsListedAsADuplicateAndTheLastLineKept() throws Exception {
		byte[] file = line(complaint(this.prefix + "1", "第一次") + "\n" + complaint(this.prefix + "1", "第二次"));

		long run = upload("twice.jsonl", file, Map.of());

		assertThat(stored()).containsExactly("第二次");
		assertThat(this.platform.get(FEED + "/runs/" + run + "/rejects").body()).contains("is sent again on line 2")
			.contains(message("DUPLICATE_ID"));
	}

	@Test
	void uploadRunFailedByTheDatabaseIsRestartedFromItsFileInTheDatabaseWhichGoesOnceItCompletes() throws Exception {
		byte[] file = line(complaint(this.prefix + "1", "合成视频") + "\n" + complaint(this.prefix + "2", "换脸图片"));
		// the database refuses the second record, as a full disk would
		this.jdbc
			.sql("ALTER TABLE complaint ADD CONSTRAINT complaint_upload_failure CHECK (platform_id <> '" + this.prefix
					+ "2')")
			.update();
		long run;
		try {
			run = upload("restart.jsonl", file, Map.of());
		}
		finally {
			this.jdbc.sql("ALTER TABLE complaint DROP CONSTRAINT complaint_upload_failure").update();
		}
		assertThat(status(run)).isEqualTo("FAILED");
		String sha256 = this.jdbc.sql("SELECT upload_sha256 FROM feed_run WHERE id = :id")
			.param("id", run)
			.query(String.class)
			.single();
		assertThat(sha256).isEqualTo(Hashes.sha256(file));
		assertThat(this.blobs.exists(sha256)).as("kept in the database for the restart, on any node").isTrue();
		assertThat(localCopies()).as("the run's local copy is gone with its step").isEmpty();

		assertThat(this.feedRuns.restart(run).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThat(stored()).containsExactly("合成视频", "换脸图片");
		assertThat(this.jdbc.sql("SELECT upload_sha256 IS NULL FROM feed_run WHERE id = :id")
			.param("id", run)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.blobs.exists(sha256)).isFalse();
		assertThat(localCopies()).isEmpty();
	}

	@Test
	void emptyFileIsAnsweredOnThePage() throws Exception {
		awaitIdle();
		HttpResponse<String> response = this.platform.postFile(FEED, FEED + "/upload", "empty.jsonl", new byte[0],
				Map.of());

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(this.platform.get(FEED).body()).contains("请选择一个非空文件");
	}

	@Test
	void aUtf16FileIsAnsweredOnThePageAndNothingRuns() throws Exception {
		awaitIdle();
		long runs = this.jdbc.sql("SELECT COUNT(*) FROM feed_run").query(Long.class).single();
		byte[] text = complaint(this.prefix + "1", "合成视频").getBytes(StandardCharsets.UTF_16LE);
		HttpResponse<String> response = this.platform.postFile(FEED, FEED + "/upload", "utf16.jsonl",
				join(new byte[] { (byte) 0xFF, (byte) 0xFE }, text), Map.of());

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(this.platform.get(FEED).body()).contains("该文件是 UTF-16、UTF-32 或二进制文件");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM feed_run").query(Long.class).single()).isEqualTo(runs);
	}

	@Test
	void interfacePageListsTheNewReasons() throws Exception {
		assertThat(this.platform.get("/feeds/interface").body()).contains("ENCODING")
			.contains("DUPLICATE_ID")
			.contains(message("DUPLICATE_ID"));
	}

	@Test
	void interfacePageAnswersThePlatformEngineersQuestionsInBothLanguages() throws Exception {
		String chinese = this.platform.get("/feeds/interface").body();
		assertThat(chinese).contains("平台报送接口规范 v1.1")
			.contains("POST /api/v1/records")
			.contains("DELETE /api/v1/records/{type}/{id}")
			.contains("问题解答")
			.contains("始终从 1 开始")
			.contains("QinglangInspect/1.1")
			// the limits as the portal runs with them (the tests retry a pull after 20
			// ms)
			.contains("每个请求最多 5,000 条记录、16 MB")
			.contains("重试 4 次，分别在 0.02, 0.04, 0.08, 0.16 秒后");
		String english = this.platform.get("/feeds/interface?lang=en").body();
		assertThat(english).contains("Platform reporting interface v1.1")
			.contains("POST /api/v1/records")
			.contains("DELETE /api/v1/records/{type}/{id}")
			.contains("Questions and answers")
			.contains("Always from 1.")
			.contains("NOT_FOUND")
			.contains("At most 5,000 records and 16 MB per request")
			.contains("retried 4 times, after 0.02, 0.04, 0.08, 0.16 s")
			// an apostrophe of a message with arguments is written once
			.contains("The feed&#39;s cursor, from which every new run starts");
		assertThat(chinese + english).doesNotContain("??feed.").doesNotContain("&#39;&#39;");
		// the pull's waits with the defaults: doubled, at most 16 times the first
		assertThat(FeedInterfaceController.retryDelays(4, java.time.Duration.ofMillis(500))).isEqualTo("0.5, 1, 2, 4");
		assertThat(FeedInterfaceController.retryDelays(6, java.time.Duration.ofMillis(500)))
			.isEqualTo("0.5, 1, 2, 4, 8, 8");
	}

	/** Uploads through the form, which answers with the feed page; the run's id. */
	private long upload(String name, byte[] content, Map<String, String> fields) throws Exception {
		awaitIdle();
		HttpResponse<String> response = this.platform.postFile(FEED, FEED + "/upload", name, content, fields);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith(FEED);
		assertThat(this.platform.get(FEED).body()).contains("文件已接收，正在处理");
		return awaitIdle();
	}

	private String status(long run) {
		return this.jdbc.sql("SELECT status FROM feed_run WHERE id = :id")
			.param("id", run)
			.query(String.class)
			.single();
	}

	/**
	 * The local copies that runs read their files from, in the test's temporary folder.
	 */
	private List<Path> localCopies() throws IOException {
		try (Stream<Path> files = Files.list(this.tempDir)) {
			return files.filter((copy) -> copy.getFileName().toString().startsWith("feed-upload-")).toList();
		}
	}

	private List<String> stored() {
		return this.jdbc
			.sql("SELECT summary FROM complaint WHERE enterprise_id = :e AND platform_id LIKE :p "
					+ "ORDER BY platform_id")
			.param("e", QINGQIONG)
			.param("p", this.prefix + "%")
			.query(String.class)
			.list();
	}

	private static String message(String reason) throws Exception {
		java.util.Properties messages = new java.util.Properties();
		try (var in = FeedUploadIT.class.getResourceAsStream("/messages-feed.properties")) {
			messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return messages.getProperty("feed.reason." + reason);
	}

	private String complaint(String id, String summary) {
		return "{\"type\":\"complaint\",\"id\":\"" + id + "\",\"enterprise\":\"" + credit()
				+ "\",\"received_at\":\"2026-05-20T09:30:00+08:00\",\"category\":\"RUMOR\",\"content_type\":\"TEXT\","
				+ "\"channel\":\"WEB_FORM\",\"status\":\"RECEIVED\",\"summary\":\"" + summary + "\"}";
	}

	private String csv(String id, String summary) {
		return id + "," + credit() + ",2026-05-20T09:30:00+08:00,RUMOR,VIDEO,HOTLINE,RECEIVED,,," + summary;
	}

	private String credit() {
		return this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :e")
			.param("e", QINGQIONG)
			.query(String.class)
			.single();
	}

	private static byte[] line(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] join(byte[]... parts) {
		ByteArrayOutputStream joined = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			joined.writeBytes(part);
		}
		return joined.toByteArray();
	}

	private long awaitIdle() throws InterruptedException {
		return IdleFeed.latestRun(this.jdbc, QINGQIONG);
	}

}
