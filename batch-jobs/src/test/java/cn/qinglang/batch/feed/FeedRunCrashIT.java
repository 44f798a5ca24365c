package cn.qinglang.batch.feed;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed with {@code kill -9} in the middle of a pull run. The run is started by
 * {@link CrashingNode}, a JVM of its own on the test's database, which is killed
 * (SIGKILL: no shutdown hook, no listener, no rollback but the database's own) once some
 * chunks are committed. What it leaves is what a crash leaves: the run RUNNING, its
 * Spring Batch execution STARTED, its feed locked, a chunk half-written and rolled back.
 * This test's context is then the surviving (or restarted) node: within the heartbeat
 * time-out it marks the run interrupted, recovers the execution and restarts it from the
 * last committed chunk, and the run ends with exactly the records served.
 */
@SpringBootTest(classes = FeedImportJobTests.TestApplication.class,
		properties = { "qinglang.feeds.job.chunk-size=50", "qinglang.feeds.job.page-size=100",
				"qinglang.feeds.job.heartbeat=500ms", "qinglang.feeds.job.heartbeat-timeout=3s",
				"qinglang.feeds.job.node-id=survivor" })
class FeedRunCrashIT {

	private static final int RECORDS = 3000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TokenCipher cipher;

	@Autowired
	JdbcConnectionDetails database;

	@Autowired
	FeedRuns feedRuns;

	long enterpriseId;

	SimulatedPlatform platform;

	@BeforeEach
	void newEnterpriseWithASlowPlatform() throws Exception {
		this.enterpriseId = FeedFixtures.newEnterprise(this.jdbc, "崩溃测试平台");
		String credit = this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :e")
			.param("e", this.enterpriseId)
			.query(String.class)
			.single();
		this.platform = new SimulatedPlatform(FeedFixtures.complaints(credit, RECORDS));
		this.platform.slowDown(150);
		FeedFixtures.pullFeed(this.jdbc, this.cipher, this.enterpriseId, this.platform);
	}

	@AfterEach
	void stopPlatform() {
		this.platform.close();
	}

	@Test
	void runOfANodeKilledMidwayIsTakenOverAndEndsWithExactlyTheRecordsServed() throws Exception {
		Process node = startCrashingNode();
		try {
			await(Duration.ofSeconds(90), () -> written() >= 500 || !node.isAlive());
			assertThat(node.isAlive()).as("the crashing node is still running its run").isTrue();
		}
		finally {
			node.destroyForcibly();
		}
		assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(node.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
		Instant killed = Instant.now();

		// what the crash left: until the heartbeat is stale, the run looks alive
		long runId = runId();
		assertThat(leftBehind(runId)).containsExactly("RUNNING", "crashed", runId);
		assertThat(executionStatuses(runId)).containsExactly("STARTED");
		long committed = count();
		assertThat(committed).isBetween(500L, RECORDS - 1L);
		assertThat(written()).isEqualTo(committed);

		await(Duration.ofSeconds(20), () -> !"crashed".equals(ownerName()));
		assertThat(ownerName()).isEqualTo("survivor");
		assertThat(Duration.between(killed, Instant.now())).as("taken over within twice the heartbeat time-out")
			.isLessThan(Duration.ofSeconds(6));
		assertEndsWithExactlyTheRecordsServed(runId);
	}

	@Test
	void runOfANodeShutDownMidwayIsHandedOverAndEndsWithExactlyTheRecordsServed() throws Exception {
		SpringApplication application = new SpringApplication(FeedImportJobTests.TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		ConfigurableApplicationContext node = application.run("--spring.liquibase.enabled=false",
				"--qinglang.db.url=" + this.database.getJdbcUrl(), "--qinglang.db.user=" + this.database.getUsername(),
				"--qinglang.db.password=" + this.database.getPassword(), "--qinglang.feeds.job.chunk-size=50",
				"--qinglang.feeds.job.page-size=100", "--qinglang.feeds.job.heartbeat=500ms",
				"--qinglang.feeds.job.heartbeat-timeout=3s", "--qinglang.feeds.job.node-id=stopping");
		try {
			FeedRuns runs = node.getBean(FeedRuns.class);
			runs.submitPull(runs.claimPull(this.enterpriseId, "stopping-node"));
			await(Duration.ofSeconds(60), () -> written() >= 500);
		}
		finally {
			node.close();
		}
		Instant stopped = Instant.now();

		long runId = runId();
		await(Duration.ofSeconds(20), () -> "survivor".equals(ownerName()));
		assertThat(Duration.between(stopped, Instant.now())).as("taken over at the next beat, not after the time-out")
			.isLessThan(Duration.ofSeconds(3));
		assertEndsWithExactlyTheRecordsServed(runId);
	}

	private void assertEndsWithExactlyTheRecordsServed(long runId) throws InterruptedException {
		await(Duration.ofSeconds(120), () -> "COMPLETED".equals(runStatus(runId)));
		assertThat(count()).isEqualTo(RECORDS);
		assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT platform_id) FROM complaint WHERE enterprise_id = :e")
			.param("e", this.enterpriseId)
			.query(Long.class)
			.single()).isEqualTo(RECORDS);
		assertThat(this.jdbc
			.sql("SELECT CONCAT(read_count, '/', written_count, '/', rejected_count) FROM feed_run WHERE id = :id")
			.param("id", runId)
			.query(String.class)
			.single()).isEqualTo(RECORDS + "/" + RECORDS + "/0");
		// the dead execution recovered as FAILED (or failed on its own), the restart
		// completed
		assertThat(executionStatuses(runId)).containsExactly(BatchStatus.FAILED.name(), BatchStatus.COMPLETED.name());
		assertThat(this.jdbc.sql(
				"SELECT SUM(received) FROM complaint_agg WHERE enterprise_id = :e AND grain = 'D' AND content_type = '*'")
			.param("e", this.enterpriseId)
			.query(Long.class)
			.single()).isEqualTo(RECORDS);
		assertThat(this.jdbc.sql("SELECT cursor_value FROM feed WHERE enterprise_id = :e")
			.param("e", this.enterpriseId)
			.query(String.class)
			.single()).isEqualTo(String.valueOf(RECORDS));
		assertThat(this.feedRuns.running(this.enterpriseId)).isFalse();
	}

	/** Status, owner's name and the feed's lock, as the dead node left them. */
	private List<Object> leftBehind(long runId) {
		return this.jdbc.sql("""
				SELECT r.status, r.owner_node, f.lock_run_id FROM feed_run r JOIN feed f ON f.id = r.feed_id
				WHERE r.id = :id""")
			.param("id", runId)
			.query((rs, row) -> List.<Object>of(rs.getString(1),
					rs.getString(2).substring(0, rs.getString(2).indexOf('/')), rs.getLong(3)))
			.single();
	}

	private Process startCrashingNode() throws Exception {
		Path log = Files.createDirectories(Path.of("target", "crashing-node"))
			.resolve("node-" + this.enterpriseId + ".log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
						System.getProperty("java.class.path"), CrashingNode.class.getName(),
						String.valueOf(this.enterpriseId), "--qinglang.feeds.job.chunk-size=50",
						"--qinglang.feeds.job.page-size=100", "--qinglang.feeds.job.heartbeat=500ms",
						"--qinglang.feeds.job.heartbeat-timeout=3s", "--qinglang.feeds.job.node-id=crashed"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		builder.environment().put("QINGLANG_DB_URL", this.database.getJdbcUrl());
		builder.environment().put("QINGLANG_DB_USER", this.database.getUsername());
		builder.environment().put("QINGLANG_DB_PASSWORD", String.valueOf(this.database.getPassword()));
		builder.directory(new File("."));
		return builder.start();
	}

	private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
		Instant end = Instant.now().plus(timeout);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(end)) {
				throw new AssertionError("not within " + timeout);
			}
			Thread.sleep(100);
		}
	}

	private long written() {
		return this.jdbc.sql("SELECT COALESCE(MAX(written_count), 0) FROM feed_run WHERE enterprise_id = :e")
			.param("e", this.enterpriseId)
			.query(Long.class)
			.single();
	}

	private long runId() {
		return this.jdbc.sql("SELECT id FROM feed_run WHERE enterprise_id = :e")
			.param("e", this.enterpriseId)
			.query(Long.class)
			.single();
	}

	private String runStatus(long runId) {
		return this.jdbc.sql("SELECT status FROM feed_run WHERE id = :id")
			.param("id", runId)
			.query(String.class)
			.single();
	}

	private String ownerName() {
		String owner = this.jdbc.sql("SELECT owner_node FROM feed_run WHERE enterprise_id = :e")
			.param("e", this.enterpriseId)
			.query(String.class)
			.single();
		return owner.substring(0, owner.indexOf('/'));
	}

	private List<String> executionStatuses(long runId) {
		return this.jdbc.sql("""
				SELECT e.STATUS FROM BATCH_JOB_EXECUTION e
				JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
				WHERE p.PARAMETER_NAME = 'runId' AND p.PARAMETER_VALUE = :run ORDER BY e.JOB_EXECUTION_ID""")
			.param("run", String.valueOf(runId))
			.query(String.class)
			.list();
	}

	private long count() {
		return FeedFixtures.count(this.jdbc, "complaint", this.enterpriseId);
	}

}
