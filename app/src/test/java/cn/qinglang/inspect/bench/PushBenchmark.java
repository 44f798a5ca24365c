package cn.qinglang.inspect.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code bash .ci/bench push}: complaints pushed over HTTP on localhost by concurrent
 * clients in batches, through the real API, its security and the pipeline, into a fresh
 * database; then the same rows with {@code LOAD DATA LOCAL INFILE} for another
 * enterprise, the reference. Checks its premise (every record answered CREATED, the rows
 * in the table) before it reports. Both sides have their input ready before the clock
 * starts: the gzipped request bodies in a file the clients read, the reference's rows in
 * the file it loads. Arguments: records (1,000,000), clients (4), batch (1,000), the data
 * folder.
 */
public final class PushBenchmark {

	private static final String SUMMARY = "用户举报未标识的AI合成视频";

	private PushBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long size = (args.length > 0) ? Long.parseLong(args[0]) : 1_000_000;
		int clients = (args.length > 1) ? Integer.parseInt(args[1]) : 4;
		int batch = (args.length > 2) ? Integer.parseInt(args[2]) : 1000;
		String folder = (args.length > 3) ? args[3] : "target/bench-push";
		// the token's rate limit out of the way: the benchmark measures the pipeline
		try (ConfigurableApplicationContext context = BenchApplication.start(folder,
				"--qinglang.push.requests-per-minute=1000000")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String tag = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
			String pushCredit = "91110BENCHPU" + tag.substring(Math.max(0, tag.length() - 6));
			long pushEnterprise = enterprise(jdbc, "bench-push-" + tag, pushCredit);
			long loadEnterprise = enterprise(jdbc, "bench-load-" + tag, pushCredit.replace("PU", "LD"));
			String token = token(jdbc, pushEnterprise);
			// The warm-up, into an enterprise of its own so that the timed push's indexes
			// and aggregation hold its rows only. Right after a start the JIT's one C2
			// thread was busy for minutes (JFR's compilations): with requests of 1,000
			// records, the code that runs once or a few times a request (Tomcat, the
			// security chain, the driver's statements) reaches C2's thresholds only after
			// thousands of requests, and took half a core through the whole timed push.
			// So: 50 batches (their rate printed: the portal cold), then 5,000 requests
			// of
			// 10 records for that per-request code, then rounds of 200 batches (a few
			// seconds: rounds of 50, about a second, ended the warm-up between two bursts
			// of compilation) until the compiler threads used under a tenth of a core in
			// the last round, or BENCH_WARMUP batches (2,000) in all
			String warmCredit = pushCredit.replace("PU", "WU");
			long warmEnterprise = enterprise(jdbc, "bench-warm-" + tag, warmCredit);
			String warmToken = token(jdbc, warmEnterprise);
			long maxWarmUp = Long.parseLong(System.getenv().getOrDefault("BENCH_WARMUP", "2000")) * batch;
			long coldRecords = Math.min(50L * batch, maxWarmUp);
			Pushed cold = push(port, warmToken, warmCredit, "w0-", coldRecords, clients, batch);
			long warmedUp = coldRecords;
			double warmSeconds = cold.seconds();
			Pushed small = push(port, warmToken, warmCredit, "ws-", 50_000, clients, 10);
			warmSeconds += small.seconds();
			double jitShare = Double.NaN;
			while (warmedUp < maxWarmUp && !(jitShare < 0.1)) {
				long round = Math.min(200L * batch, maxWarmUp - warmedUp);
				Pushed warm = push(port, warmToken, warmCredit, "w" + warmedUp + "-", round, clients, batch);
				jitShare = warm.compilerSeconds() / warm.seconds();
				warmedUp += round;
				warmSeconds += warm.seconds();
			}
			System.out.printf(Locale.ROOT,
					"push warm-up records=%d (and 5,000 requests of 10) wall_s=%.1f cold_records_per_s=%.0f (the first %d) jit_cores_last=%.2f%n",
					warmedUp, warmSeconds, coldRecords / cold.seconds(), coldRecords, jitShare);
			// the warm-up's aggregation done before the clock starts
			aggregate(context);
			resetPeaks();
			double serving = serverCpuSeconds(folder);
			Pushed sent = push(port, token, pushCredit, "c", size, clients, batch);
			double jitSeconds = sent.compilerSeconds();
			// the aggregates brought up to date as the portal's scheduler would, timed
			// with the pushes: the reference's LOAD DATA has nothing of the kind, the
			// pull
			// benchmark's run aggregates as its last step
			long aggregating = System.nanoTime();
			aggregate(context);
			double aggregation = (System.nanoTime() - aggregating) / 1e9;
			double pushServer = serverCpuSeconds(folder) - serving;
			Pushed pushed = new Pushed(sent.seconds() + aggregation, sent.created(), sent.p99Millis(), jitSeconds);
			long peakMb = peakHeapBytes() / (1024 * 1024);
			long stored = jdbc.sql("SELECT COUNT(*) FROM complaint WHERE enterprise_id = :e AND platform_id LIKE 'c%'")
				.param("e", pushEnterprise)
				.query(Long.class)
				.single();
			if (pushed.created() != size || stored != size) {
				throw new IllegalStateException("benchmark premise failed: " + pushed.created()
						+ " answered CREATED and " + stored + " stored of " + size);
			}
			serving = serverCpuSeconds(folder);
			double loadSeconds = loadData(context.getBean(DataSource.class), loadEnterprise, pushCredit, size);
			double loadServer = serverCpuSeconds(folder) - serving;
			long loaded = jdbc.sql("SELECT COUNT(*) FROM complaint WHERE enterprise_id = :e")
				.param("e", loadEnterprise)
				.query(Long.class)
				.single();
			if (loaded != size) {
				throw new IllegalStateException("benchmark premise failed: LOAD DATA stored " + loaded + " of " + size);
			}
			double rate = size / pushed.seconds();
			System.out.printf(Locale.ROOT,
					"push records=%d clients=%d batch=%d wall_s=%.1f (requests %.1f, aggregation %.1f) load_data_s=%.1f jit_s=%.1f mariadbd_cpu_s=%.1f (load_data %.1f)%n",
					size, clients, batch, pushed.seconds(), sent.seconds(), aggregation, loadSeconds, jitSeconds,
					pushServer, loadServer);
			System.out.printf(Locale.ROOT,
					"BENCH push records_per_s=%.0f ratio_to_load_data=%.2f p99_request_ms=%d peak_heap_mb=%d records=%d warmup_records=%d jit_s=%.1f%n",
					rate, pushed.seconds() / loadSeconds, pushed.p99Millis(), peakMb, size, warmedUp, jitSeconds);
		}
	}

	/**
	 * @param compilerSeconds the CPU time of the JIT compiler threads while the requests
	 * were sent
	 */
	private record Pushed(double seconds, long created, long p99Millis, double compilerSeconds) {
	}

	private static void aggregate(ConfigurableApplicationContext context) {
		cn.qinglang.batch.feed.Pushes pushes = context.getBean(cn.qinglang.batch.feed.Pushes.class);
		org.springframework.transaction.support.TransactionTemplate transactions = new org.springframework.transaction.support.TransactionTemplate(
				context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
		transactions.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_READ_COMMITTED);
		for (long[] run : pushes.pendingAggregation()) {
			transactions.executeWithoutResult((status) -> pushes.refresh(run[0], run[1]));
		}
	}

	private static Pushed push(int port, String token, String credit, String prefix, long size, int clients, int batch)
			throws Exception {
		// the request bodies made (JSON Lines, gzipped) and written to a file before the
		// clock starts, as the reference's file is: what is timed is sending them and the
		// portal's work, not the platform's making its data
		Path bodies = Files.createTempFile("push-bench", ".bodies");
		try (FileChannel file = FileChannel.open(bodies, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			long[] offsets = new long[(int) ((size + batch - 1) / batch) + 1];
			long at = 0;
			for (int b = 0; b + 1 < offsets.length; b++) {
				offsets[b] = at;
				byte[] body = gzip(lines(prefix, credit, (long) b * batch, Math.min(size, (long) (b + 1) * batch)));
				at += file.write(ByteBuffer.wrap(body), at);
			}
			offsets[offsets.length - 1] = at;
			// the compiler's work on making the bodies (the benchmark's code, not the
			// portal's) done before the clock starts: at most 20 s for it to go quiet
			for (int i = 0; i < 40; i++) {
				double before = compilerCpuSeconds();
				Thread.sleep(500);
				if (!(compilerCpuSeconds() - before >= 0.05)) {
					break;
				}
			}
			return send(port, token, file, offsets, clients);
		}
		finally {
			Files.deleteIfExists(bodies);
		}
	}

	private static Pushed send(int port, String token, FileChannel file, long[] offsets, int clients) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/records");
		AtomicInteger next = new AtomicInteger();
		AtomicLong created = new AtomicLong();
		List<Long> millis = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		double compiling = compilerCpuSeconds();
		long started = System.nanoTime();
		List<Future<?>> running = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			running.add(pool.submit(() -> {
				int b;
				while ((b = next.getAndIncrement()) + 1 < offsets.length) {
					ByteBuffer read = ByteBuffer.allocate((int) (offsets[b + 1] - offsets[b]));
					while (read.hasRemaining()) {
						file.read(read, offsets[b] + read.position());
					}
					byte[] body = read.array();
					long t0 = System.nanoTime();
					HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
						.header("Authorization", "Bearer " + token)
						.header("Content-Type", "application/x-ndjson")
						.header("Content-Encoding", "gzip")
						.POST(HttpRequest.BodyPublishers.ofByteArray(body))
						.build(), HttpResponse.BodyHandlers.ofString());
					long took = (System.nanoTime() - t0) / 1_000_000;
					millis.add(took);
					if (took > 2000) {
						System.out.printf(Locale.ROOT, "push slow request: batch %d took %d ms%n", b, took);
					}
					if (response.statusCode() != 200) {
						throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
					}
					String answer = response.body();
					int at = answer.indexOf("\"created\":") + 10;
					created.addAndGet(Long.parseLong(answer.substring(at, answer.indexOf(',', at))));
				}
				return null;
			}));
		}
		try {
			for (Future<?> client : running) {
				client.get();
			}
		}
		finally {
			// a failed client stops the others: a failed benchmark leaves no JVM behind
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		List<Long> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		return new Pushed(seconds, created.get(), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
				compilerCpuSeconds() - compiling);
	}

	private static String lines(String prefix, String credit, long from, long to) {
		StringBuilder text = new StringBuilder((int) (to - from) * 260);
		for (long i = from; i < to; i++) {
			LocalDate day = LocalDate.of(2026, 5, 18).plusDays(i % 150);
			text.append("{\"type\":\"complaint\",\"id\":\"")
				.append(prefix)
				.append(i)
				.append("\",\"enterprise\":\"")
				.append(credit)
				.append("\",\"received_at\":\"")
				.append(day)
				.append("T09:30:00+08:00\",\"category\":\"FABRICATION\",\"content_type\":\"VIDEO\",")
				.append("\"channel\":\"IN_APP_REPORT\",\"status\":\"RECEIVED\",\"summary\":\"")
				.append(SUMMARY)
				.append("\"}\n");
		}
		return text.toString();
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		// the fastest level, as a client sending many batches would choose
		try (GZIPOutputStream out = new GZIPOutputStream(bytes) {
			{
				this.def.setLevel(java.util.zip.Deflater.BEST_SPEED);
			}
		}) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	/** The same rows, written as a file and loaded by the server: the reference. */
	private static double loadData(DataSource data, long enterpriseId, String credit, long size) throws Exception {
		Path file = Files.createTempFile("push-bench", ".tsv");
		try {
			try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				for (long i = 0; i < size; i++) {
					LocalDate day = LocalDate.of(2026, 5, 18).plusDays(i % 150);
					out.write(enterpriseId + "\tc" + i + "\t" + day + " 01:30:00\t" + day
							+ "\tFABRICATION\tFAKE_INFORMATION\tVIDEO\tIN_APP_REPORT\tRECEIVED\t\\N\t\\N\t" + SUMMARY
							+ "\n");
				}
			}
			long t0 = System.nanoTime();
			try (Connection connection = data.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath() + "' INTO TABLE complaint "
						+ "CHARACTER SET utf8mb4 (enterprise_id, platform_id, received_at, received_day, category, "
						+ "campaign_category, content_type, channel, status, handled_at, outcome, summary)");
			}
			return (System.nanoTime() - t0) / 1e9;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** A token for the enterprise, stored as the portal stores one (its SHA-256). */
	private static String token(JdbcClient jdbc, long enterpriseId) throws Exception {
		String token = "qlt_bench" + java.util.UUID.randomUUID().toString().replace("-", "");
		String hash = java.util.HexFormat.of()
			.formatHex(
					java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		jdbc.sql("""
				INSERT INTO api_token (enterprise_id, name, prefix, token_hash, created_by, created_at, expires_at)
				VALUES (:e, 'bench', :prefix, :hash, 'bench', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 DAY)""")
			.param("e", enterpriseId)
			.param("prefix", token.substring(0, 12))
			.param("hash", hash)
			.update();
		return token;
	}

	private static long enterprise(JdbcClient jdbc, String code, String credit) {
		jdbc.sql("""
				INSERT INTO enterprise (code, name_zh, credit_code, kind, jurisdiction_code)
				VALUES (:code, '推送基准测试平台', :credit, 'DISSEMINATION_PLATFORM', '110108')""")
			.param("code", code)
			.param("credit", credit)
			.update();
		return jdbc.sql("SELECT id FROM enterprise WHERE code = :code").param("code", code).query(Long.class).single();
	}

	/**
	 * The CPU time of the JIT compiler threads so far (Linux: their {@code /proc} stats),
	 * or NaN where there is no {@code /proc}.
	 */
	private static double compilerCpuSeconds() {
		double seconds = 0;
		try (var tasks = Files.list(Path.of("/proc/self/task"))) {
			for (Path task : tasks.toList()) {
				String stat;
				try {
					stat = Files.readString(task.resolve("stat"));
				}
				catch (IOException ex) {
					continue; // the thread has ended
				}
				String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
				if (name.contains("CompilerThre")) {
					seconds += cpuSeconds(stat);
				}
			}
		}
		catch (IOException ex) {
			return Double.NaN;
		}
		return seconds;
	}

	/**
	 * The CPU time of the embedded database server so far (Linux: {@code /proc} of the
	 * process in its pid file), or NaN.
	 */
	private static double serverCpuSeconds(String folder) {
		try {
			String pid = Files.readString(Path.of(folder, "data", "mariadbd.pid")).strip();
			return cpuSeconds(Files.readString(Path.of("/proc", pid, "stat")));
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * The user and system CPU time in a {@code /proc} stat line (fields 14 and 15, after
	 * the name in parentheses), in the kernel's clock ticks: 100 a second on Linux.
	 */
	private static double cpuSeconds(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
	}

	private static void resetPeaks() {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
	}

	private static long peakHeapBytes() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum;
	}

}
