package cn.qinglang.batch.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.batch.feed.FeedJobConfiguration;
import cn.qinglang.batch.feed.FeedRuns;
import cn.qinglang.batch.feed.TokenCipher;

/**
 * {@code bash .ci/bench ingest}: complaints through the real pull path (a platform
 * endpoint on localhost generating its pages on the fly, the feed job, the embedded
 * MariaDB), at each size given; then the same rows into the same table with
 * {@code LOAD DATA LOCAL INFILE}. Prints one line per size and, for the last size, the
 * {@code BENCH ingest} line. A pull of {@value #WARM_UP} records runs first and is only
 * shown, so that the JIT's warm-up is not charged to the first size.
 */
public final class IngestBenchmark {

	private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	private static final String TOKEN = "bench-token";

	private static final int WARM_UP = 20_000;

	private IngestBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long[] sizes = (args.length > 0) ? java.util.Arrays.stream(args).mapToLong(Long::parseLong).toArray()
				: new long[] { 100_000, 1_000_000 };
		SpringApplication application = new SpringApplication(BenchApplication.class);
		application.setDefaultProperties(java.util.Map.ofEntries(
				java.util.Map.entry("qinglang.db.embedded.data-dir", "target/bench/data"),
				java.util.Map.entry("qinglang.db.embedded.base-dir", "target/bench/base"),
				java.util.Map.entry("qinglang.db.embedded.throwaway", "true"),
				java.util.Map.entry("spring.liquibase.change-log", "classpath:db/changelog/master.xml"),
				java.util.Map.entry("spring.liquibase.contexts", "bench"),
				java.util.Map.entry("spring.batch.jdbc.initialize-schema", "never"),
				java.util.Map.entry("spring.batch.job.enabled", "false"),
				java.util.Map.entry("logging.level.root", "WARN"),
				java.util.Map.entry("spring.main.banner-mode", "off"),
				// as the portal sets them: JDBC batches as bulk commands, chunks loaded
				// with LOAD DATA LOCAL INFILE
				java.util.Map.entry("spring.datasource.hikari.data-source-properties.useBulkStmts", "true"),
				java.util.Map.entry("spring.datasource.hikari.data-source-properties.allowLocalInfile", "true")));
		try (ConfigurableApplicationContext context = application.run()) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			FeedRuns runs = context.getBean(FeedRuns.class);
			TokenCipher cipher = context.getBean(TokenCipher.class);
			JdbcConnectionDetails database = context.getBean(JdbcConnectionDetails.class);
			System.out.println("warm-up, not counted: "
					+ pull("bench-warm-up", "911101BENCHW000000", WARM_UP, jdbc, runs, cipher).line());
			String last = null;
			for (long size : sizes) {
				last = run(size, jdbc, runs, cipher, database);
			}
			System.out.println(last);
		}
	}

	private static String run(long size, JdbcClient jdbc, FeedRuns runs, TokenCipher cipher,
			JdbcConnectionDetails database) throws Exception {
		String credit = String.format("911101BENCHP%06d", size % 1_000_000);
		Pull pull = pull("bench-pull-" + size, credit, size, jdbc, runs, cipher);
		double loadSeconds = loadData(size, enterprise(jdbc, "bench-load-" + size, credit.replace('P', 'L')), credit,
				database);
		double rate = size / pull.seconds();
		System.out.printf(Locale.ROOT, "%s load_data_s=%.1f ratio=%.2f%n", pull.line(), loadSeconds,
				pull.seconds() / loadSeconds);
		return String.format(Locale.ROOT,
				"BENCH ingest records_per_s=%.0f ratio_to_load_data=%.2f peak_heap_mb=%d records=%d", rate,
				pull.seconds() / loadSeconds, pull.peakMb(), size);
	}

	/** A pull run of {@code size} complaints for a new enterprise, checked complete. */
	private static Pull pull(String code, String credit, long size, JdbcClient jdbc, FeedRuns runs, TokenCipher cipher)
			throws Exception {
		long pulled = enterprise(jdbc, code, credit);
		try (Generator platform = new Generator(size, credit)) {
			jdbc.sql(
					"""
							INSERT INTO feed (enterprise_id, base_url, token_ciphertext, enabled) VALUES (:e, :url, :t, TRUE)""")
				.param("e", pulled)
				.param("url", platform.baseUrl())
				.param("t", cipher.encrypt(TOKEN))
				.update();
			System.gc();
			resetPeaks();
			long start = System.nanoTime();
			org.springframework.batch.core.job.JobExecution execution = runs
				.executePull(runs.claimPull(pulled, "bench"));
			BatchStatus status = execution.getStatus();
			StringBuilder steps = new StringBuilder();
			execution.getStepExecutions()
				.forEach((step) -> steps.append(' ')
					.append(step.getStepName())
					.append("_s=")
					.append(String.format(Locale.ROOT, "%.1f",
							java.time.Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0)));
			double seconds = (System.nanoTime() - start) / 1e9;
			long peakMb = peakHeapBytes() / (1024 * 1024);
			long stored = jdbc.sql("SELECT COUNT(*) FROM complaint WHERE enterprise_id = :e")
				.param("e", pulled)
				.query(Long.class)
				.single();
			if (status != BatchStatus.COMPLETED || stored != size) {
				throw new IllegalStateException("benchmark premise failed: the pull run ended " + status + " with "
						+ stored + " of " + size + " records stored; its time is not the ingestion of " + size);
			}
			return new Pull(seconds, peakMb,
					String.format(Locale.ROOT, "ingest records=%d wall_s=%.1f records_per_s=%.0f peak_heap_mb=%d%s",
							size, seconds, size / seconds, peakMb, steps));
		}
	}

	private record Pull(double seconds, long peakMb, String line) {
	}

	/** The same rows as the pull stored, from a file, with the server's bulk loader. */
	private static double loadData(long size, long enterpriseId, String credit, JdbcConnectionDetails database)
			throws Exception {
		Path file = Files.createTempFile("bench-complaints", ".tsv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (long i = 0; i < size; i++) {
				OffsetDateTime received = Generator.received(i);
				out.write(enterpriseId + "\tc-" + i + "\t"
						+ received.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime() + "\t"
						+ received.toLocalDate() + "\tFABRICATION\tFAKE_INFORMATION\tVIDEO\tIN_APP_REPORT\tRECEIVED\t"
						+ "\\N\t\\N\t" + Generator.SUMMARY + "\t0\n");
			}
		}
		try (Connection connection = DriverManager.getConnection(database.getJdbcUrl() + "&allowLocalInfile=true",
				database.getUsername(), database.getPassword()); Statement statement = connection.createStatement()) {
			long start = System.nanoTime();
			long loaded = statement.executeLargeUpdate("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath()
					+ "' INTO TABLE complaint CHARACTER SET utf8mb4 (enterprise_id, platform_id, received_at, "
					+ "received_day, category, campaign_category, content_type, channel, status, handled_at, outcome, "
					+ "summary, last_run_id)");
			double seconds = (System.nanoTime() - start) / 1e9;
			if (loaded != size) {
				throw new IllegalStateException("benchmark premise failed: LOAD DATA stored " + loaded + " of " + size
						+ " rows; its time is no yardstick");
			}
			return seconds;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static long enterprise(JdbcClient jdbc, String code, String credit) {
		jdbc.sql("""
				INSERT INTO enterprise (code, name_zh, credit_code, kind, jurisdiction_code)
				VALUES (:code, '基准测试平台', :credit, 'DISSEMINATION_PLATFORM', '110108')""")
			.param("code", code)
			.param("credit", credit)
			.update();
		return jdbc.sql("SELECT id FROM enterprise WHERE code = :code").param("code", code).query(Long.class).single();
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long peakHeapBytes() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum();
	}

	/** A platform endpoint that writes each page as it is asked for: nothing held. */
	static final class Generator implements AutoCloseable {

		static final String SUMMARY = "用户举报未标识的AI合成视频";

		private static final LocalDate FIRST = LocalDate.of(2025, 9, 1);

		private final HttpServer server;

		private final long size;

		private final byte[] beforeId;

		private final byte[] beforeReceived;

		private final byte[] afterReceived;

		private final byte[][] days = new byte[400][];

		private final int recordBytes;

		Generator(long size, String credit) throws IOException {
			this.size = size;
			this.beforeId = "{\"type\":\"complaint\",\"id\":\"c-".getBytes(StandardCharsets.UTF_8);
			this.beforeReceived = ("\",\"enterprise\":\"" + credit + "\",\"received_at\":\"")
				.getBytes(StandardCharsets.UTF_8);
			this.afterReceived = ("\",\"category\":\"FABRICATION\",\"content_type\":\"VIDEO\","
					+ "\"channel\":\"IN_APP_REPORT\",\"status\":\"RECEIVED\",\"summary\":\"" + SUMMARY + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			for (int day = 0; day < this.days.length; day++) {
				this.days[day] = (FIRST.plusDays(day) + "T").getBytes(StandardCharsets.US_ASCII);
			}
			this.recordBytes = this.beforeId.length + 20 + this.beforeReceived.length + 30 + this.afterReceived.length;
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/v1/records", this::serve);
			this.server.start();
		}

		String baseUrl() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

		static OffsetDateTime received(long i) {
			return OffsetDateTime.of(FIRST.plusDays(i % 400).atTime(9, 0).plusSeconds(i % 36_000),
					ZoneOffset.ofHours(8));
		}

		/**
		 * Writes the page's JSON as bytes from parts made once: the platform should cost
		 * the benchmark little of the two cores it shares with the job and the database.
		 */
		private void serve(HttpExchange exchange) throws IOException {
			String query = exchange.getRequestURI().getQuery();
			long from = 0;
			int limit = 1000;
			for (String pair : query.split("&")) {
				String[] kv = pair.split("=");
				if (kv[0].equals("cursor")) {
					from = Long.parseLong(kv[1]);
				}
				else if (kv[0].equals("limit")) {
					limit = Integer.parseInt(kv[1]);
				}
			}
			long to = Math.min(this.size, from + limit);
			Page page = new Page((int) (to - from) * this.recordBytes + 100);
			page.ascii("{\"records\":[");
			for (long i = from; i < to; i++) {
				if (i > from) {
					page.ascii(",");
				}
				page.bytes(this.beforeId).number(i).bytes(this.beforeReceived);
				received(i, page);
				page.bytes(this.afterReceived);
			}
			page.ascii("],\"next_cursor\":\"")
				.number(to)
				.ascii("\",\"has_more\":" + (to < this.size) + ",\"remaining\":")
				.number(this.size - to)
				.ascii("}");
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, page.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(page.buffer, 0, page.length);
			}
		}

		/** As {@link #received(long)} writes it: {@code 2025-09-01T09:00:07+08:00}. */
		private void received(long i, Page page) {
			int second = (int) (i % 36_000);
			page.bytes(this.days[(int) (i % 400)]).two(9 + second / 3600).ascii(":").two(second / 60 % 60);
			if (second % 60 != 0) {
				// as OffsetDateTime.toString(): no seconds when they are zero
				page.ascii(":").two(second % 60);
			}
			page.ascii("+08:00");
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

	/** A page's bytes as they are written. */
	private static final class Page {

		private byte[] buffer;

		private int length;

		Page(int capacity) {
			this.buffer = new byte[capacity];
		}

		Page bytes(byte[] bytes) {
			ensure(bytes.length);
			System.arraycopy(bytes, 0, this.buffer, this.length, bytes.length);
			this.length += bytes.length;
			return this;
		}

		Page ascii(String text) {
			ensure(text.length());
			for (int i = 0; i < text.length(); i++) {
				this.buffer[this.length++] = (byte) text.charAt(i);
			}
			return this;
		}

		Page number(long value) {
			return ascii(Long.toString(value));
		}

		Page two(int value) {
			ensure(2);
			this.buffer[this.length++] = (byte) ('0' + value / 10);
			this.buffer[this.length++] = (byte) ('0' + value % 10);
			return this;
		}

		private void ensure(int more) {
			if (this.length + more > this.buffer.length) {
				this.buffer = java.util.Arrays.copyOf(this.buffer,
						Math.max(this.buffer.length * 2, this.length + more));
			}
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(FeedJobConfiguration.class)
	static class BenchApplication {

		/** The host's clock (the portal's, in its configured zone). */
		@Bean
		java.time.Clock clock() {
			return java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai"));
		}

		@Bean
		TokenCipher tokenCipher() {
			return new TokenCipher(KEY);
		}

	}

}
