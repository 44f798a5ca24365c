package cn.qinglang.batch.feed;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.batch.records.RecordType;

/**
 * Starts, restarts and takes over feed runs. A run belongs to the node (this process)
 * that claimed it, which beats its heartbeat while it runs ({@link FeedRunWatch}). A run
 * first claims its feed's lock in the database, so that a feed never runs twice at once
 * whatever the number of nodes; the lock is let go when the run ends, and is free to
 * claim once its run's heartbeat is older than the time-out (the node died). Such a run
 * is marked interrupted, its Spring Batch execution recovered, and it is restarted from
 * its last committed chunk, here or on any other node.
 */
public class FeedRuns implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(FeedRuns.class);

	/** A run that is alive: started or running, with a fresh heartbeat. */
	private static final String LIVE = """
			h.status IN ('STARTING', 'RUNNING')
			AND h.heartbeat_at >= TIMESTAMPADD(MICROSECOND, -:timeout, UTC_TIMESTAMP(6))""";

	private final JdbcClient jdbc;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final String node;

	private final Duration heartbeatTimeout;

	/** The runs whose job runs in this process now ({@link FeedNode#running}). */
	private final Set<Long> running;

	private final ExecutorService executor;

	private final RunUploads uploads;

	FeedRuns(JdbcClient jdbc, JobOperator jobOperator, JobRepository jobRepository, Job job, FeedNode node,
			FeedJobProperties properties, RunUploads uploads) {
		this.jdbc = jdbc;
		this.uploads = uploads;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = job;
		this.node = node.id();
		this.running = node.running();
		this.heartbeatTimeout = properties.heartbeatTimeout();
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(properties.threads(), (task) -> {
			Thread thread = new Thread(task, "feed-run-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** This node's name in the runs it owns: unique to this process. */
	public String node() {
		return this.node;
	}

	/**
	 * Creates a pull run of the enterprise's feed and claims the feed for it.
	 * @throws FeedBusyException if the feed is running
	 */
	public long claimPull(long enterpriseId, String startedBy) {
		return claim(enterpriseId, FeedSource.PULL, null, startedBy, null, null);
	}

	/**
	 * Creates an upload run of the enterprise's feed and claims the feed for it. The run
	 * holds its file, kept in the host's {@link UploadStore}, until it no longer needs
	 * it.
	 * @param upload the file's SHA-256 in the upload store
	 */
	public long claimUpload(long enterpriseId, String fileName, String startedBy, long expected, String upload) {
		return claim(enterpriseId, FeedSource.UPLOAD, fileName, startedBy, expected, upload);
	}

	/** Runs a claimed pull run to its end, in the calling thread. */
	public JobExecution executePull(long runId) {
		return execute(runId, new JobParametersBuilder().addLong("runId", runId).toJobParameters());
	}

	/** Runs a claimed upload run over its file, in the calling thread. */
	public JobExecution executeUpload(long runId, RecordType csvType) {
		JobParametersBuilder parameters = new JobParametersBuilder().addLong("runId", runId);
		if (csvType != null) {
			parameters.addString("csvType", csvType.name(), false);
		}
		return execute(runId, parameters.toJobParameters());
	}

	/** Runs a claimed pull run on this node's run threads. */
	public void submitPull(long runId) {
		this.executor.execute(() -> executePull(runId));
	}

	/**
	 * Runs a claimed upload run on this node's run threads. The run reads its file from
	 * the upload store, here or, restarted, on any node.
	 */
	public void submitUpload(long runId, RecordType csvType) {
		this.executor.execute(() -> executeUpload(runId, csvType));
	}

	/** Restarts a failed or interrupted run on this node's run threads. */
	public void submitRestart(long runId) {
		this.executor.execute(() -> {
			try {
				restart(runId);
			}
			catch (RuntimeException ex) {
				log.warn("Feed run {} not restarted: {}", runId, ex.getMessage());
			}
		});
	}

	/**
	 * Lets go of the files of upload runs that no longer need them: completed runs, and
	 * failed or interrupted ones that ended longer ago than the retention, which are no
	 * longer restartable.
	 * @return how many runs let go of their file
	 */
	public int releaseUploads(Duration retention) {
		return this.uploads.releaseStale(retention);
	}

	/**
	 * Restarts a failed or interrupted run where it stopped, in the calling thread: the
	 * records it committed stay, the rest follow, none twice. A pull run is restartable
	 * while it is its feed's latest and the feed's cursor was not reset after it began.
	 * @throws FeedBusyException if another run of the feed is running
	 * @throws FeedException if the run is not restartable
	 */
	public JobExecution restart(long runId) {
		Restartable run = restartable(runId)
			.orElseThrow(() -> new FeedException("run " + runId + " is not a failed or interrupted run"));
		if (run.superseded()) {
			throw new FeedException("run " + runId + " is superseded by a later run or a reset of the cursor");
		}
		if (run.fileReleased()) {
			throw new FeedException("run " + runId + " no longer has its file: upload it again");
		}
		// one conditional update: of the nodes that try, one takes the run
		int taken = this.jdbc.sql("""
				UPDATE feed_run SET status = 'STARTING', owner_node = :node, heartbeat_at = UTC_TIMESTAMP(6)
				WHERE id = :id AND status = :status""")
			.param("node", this.node)
			.param("id", runId)
			.param("status", run.status())
			.update();
		if (taken != 1) {
			throw new FeedException("run " + runId + " was restarted by another node");
		}
		if (!lock(run.feedId(), runId)) {
			this.jdbc.sql("UPDATE feed_run SET status = :status WHERE id = :id")
				.param("status", run.status())
				.param("id", runId)
				.update();
			throw new FeedBusyException(run.enterpriseId());
		}
		if (run.executionId() == null) {
			// claimed, but its node died before the job began
			if (run.source() == FeedSource.PULL) {
				return executePull(runId);
			}
			markFailed(runId, "interrupted before it began; upload the file again");
			release(runId);
			this.uploads.release(runId);
			throw new FeedException("run " + runId + " has no file to read: upload it again");
		}
		try {
			JobExecution last = this.jobRepository.getJobExecution(run.executionId());
			if (last.getStatus().isRunning()) {
				last = this.jobOperator.recover(last);
			}
			if (last.getStatus() == BatchStatus.UNKNOWN) {
				last = failedForSure(last);
			}
			return this.jobOperator.restart(last);
		}
		catch (Exception ex) {
			markFailed(runId, "restart failed: " + ex.getMessage());
			release(runId);
			throw new IllegalStateException("run " + runId + " cannot be restarted: " + ex.getMessage(), ex);
		}
	}

	/**
	 * An execution that Spring Batch left UNKNOWN: a chunk's transaction whose rollback
	 * failed too, as when the database's connection is lost in the middle of it. Spring
	 * Batch refuses to restart such an execution, as a writer outside the transaction
	 * might have written part of the chunk; the feeds' writer writes only inside it, so
	 * the database has rolled the chunk back, and the execution is failed at its last
	 * committed chunk.
	 */
	private JobExecution failedForSure(JobExecution execution) {
		for (StepExecution step : execution.getStepExecutions()) {
			// a step still STARTED too: its last update was lost with the connection
			if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
				step.setStatus(BatchStatus.FAILED);
				step.setExitStatus(ExitStatus.FAILED);
				this.jobRepository.update(step);
			}
		}
		execution.setStatus(BatchStatus.FAILED);
		execution.setExitStatus(ExitStatus.FAILED);
		this.jobRepository.update(execution);
		log.info("Feed run execution {} left UNKNOWN by a lost connection: failed at its last committed chunk",
				execution.getId());
		return execution;
	}

	/**
	 * The runs interrupted by the database whose restart is due
	 * ({@link FeedRunListener}), each taken by one node of those that look.
	 * @return the runs taken here, to be restarted
	 */
	List<Long> restartDue() {
		return this.jdbc.sql("""
				SELECT id FROM feed_run
				WHERE status = 'INTERRUPTED' AND restart_at <= UTC_TIMESTAMP(6)
				ORDER BY id""")
			.query(Long.class)
			.list()
			.stream()
			.filter((runId) -> this.jdbc.sql("""
					UPDATE feed_run SET restart_at = NULL
					WHERE id = :id AND status = 'INTERRUPTED' AND restart_at IS NOT NULL""")
				.param("id", runId)
				.update() == 1)
			.toList();
	}

	/**
	 * Beats the heartbeat of the runs this node runs.
	 * @return how many
	 */
	int beat() {
		// claimed runs waiting for a thread, and the runs whose job runs here now
		List<Long> running = List.copyOf(this.running);
		return this.jdbc.sql("""
				UPDATE feed_run SET heartbeat_at = UTC_TIMESTAMP(6)
				WHERE owner_node = :node AND (status = 'STARTING' OR (status = 'RUNNING' AND id IN (:running)))""")
			.param("node", this.node)
			.param("running", running.isEmpty() ? List.of(-1L) : running)
			.update();
	}

	/**
	 * Marks interrupted the runs whose node stopped beating their heartbeat, and recovers
	 * their Spring Batch executions (from STARTED to FAILED, their last committed chunk
	 * kept). Several nodes may look at once: each run is marked by one of them.
	 * @return the runs marked here that still hold their feed, to be restarted
	 */
	List<Long> interruptStale() {
		List<Long> stale = this.jdbc.sql("""
				SELECT id FROM feed_run
				WHERE status IN ('STARTING', 'RUNNING')
				  AND (heartbeat_at IS NULL OR heartbeat_at < TIMESTAMPADD(MICROSECOND, -:timeout, UTC_TIMESTAMP(6)))
				ORDER BY id""").param("timeout", micros(this.heartbeatTimeout)).query(Long.class).list();
		return stale.stream().filter(this::interrupt).filter(this::holdsItsFeed).toList();
	}

	private boolean interrupt(long runId) {
		int marked = this.jdbc
			.sql("""
					UPDATE feed_run SET status = 'INTERRUPTED', ended_at = UTC_TIMESTAMP(6),
					  message = CONCAT('interrupted: node ', COALESCE(owner_node, 'unknown'),
					    ' stopped beating its heartbeat (last: ',
					    COALESCE(DATE_FORMAT(heartbeat_at, '%Y-%m-%d %H:%i:%s UTC'), 'none'), ')'),
					  owner_node = :node
					WHERE id = :id AND status IN ('STARTING', 'RUNNING')
					  AND (heartbeat_at IS NULL OR heartbeat_at < TIMESTAMPADD(MICROSECOND, -:timeout, UTC_TIMESTAMP(6)))""")
			.param("node", this.node)
			.param("id", runId)
			.param("timeout", micros(this.heartbeatTimeout))
			.update();
		if (marked != 1) {
			return false;
		}
		Long executionId = this.jdbc.sql("SELECT job_execution_id FROM feed_run WHERE id = :id")
			.param("id", runId)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (executionId != null) {
			JobExecution execution = this.jobRepository.getJobExecution(executionId);
			if (execution != null && execution.getStatus().isRunning()) {
				this.jobOperator.recover(execution);
			}
		}
		log.warn("Feed run {} interrupted: its node stopped beating its heartbeat", runId);
		return true;
	}

	private boolean holdsItsFeed(long runId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM feed_run r JOIN feed f ON f.id = r.feed_id AND f.lock_run_id = r.id
				WHERE r.id = :id""").param("id", runId).query(Long.class).single() > 0;
	}

	/**
	 * Sets the enterprise's feed to pull from the start, or from a day on, at its next
	 * run; failed and interrupted runs begun before are no longer restarted.
	 * @param since the first day (null: from the start)
	 * @throws FeedBusyException if the feed is running
	 */
	public void resetCursor(long enterpriseId, LocalDate since) {
		int reset = this.jdbc.sql("""
				UPDATE feed f SET cursor_value = NULL, cursor_since = :since, cursor_reset_at = UTC_TIMESTAMP(6)
				WHERE f.enterprise_id = :enterprise
				  AND NOT EXISTS (SELECT 1 FROM feed_run h WHERE h.id = f.lock_run_id AND %s)""".formatted(LIVE))
			.param("since", since)
			.param("enterprise", enterpriseId)
			.param("timeout", micros(this.heartbeatTimeout))
			.update();
		if (reset != 1) {
			throw new FeedBusyException(enterpriseId);
		}
	}

	/** Whether a run of the enterprise's feed is alive now, on any node. */
	public boolean running(long enterpriseId) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM feed f JOIN feed_run h ON h.id = f.lock_run_id
				WHERE f.enterprise_id = :enterprise AND %s""".formatted(LIVE))
			.param("enterprise", enterpriseId)
			.param("timeout", micros(this.heartbeatTimeout))
			.query(Long.class)
			.single() > 0;
	}

	private JobExecution execute(long runId, JobParameters parameters) {
		try {
			return this.jobOperator.start(this.job, parameters);
		}
		catch (Exception ex) {
			markFailed(runId, ex.getMessage());
			release(runId);
			throw new IllegalStateException("run " + runId + " could not start: " + ex.getMessage(), ex);
		}
	}

	private long claim(long enterpriseId, FeedSource source, String fileName, String startedBy, Long expected,
			String upload) {
		this.jdbc.sql("INSERT IGNORE INTO feed (enterprise_id) VALUES (:enterprise)")
			.param("enterprise", enterpriseId)
			.update();
		long feedId = this.jdbc.sql("SELECT id FROM feed WHERE enterprise_id = :enterprise")
			.param("enterprise", enterpriseId)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO feed_run (feed_id, enterprise_id, source, file_name, upload_sha256, started_by, owner_node,
				  heartbeat_at, expected_count)
				VALUES (:feed, :enterprise, :source, :fileName, :upload, :startedBy, :node, UTC_TIMESTAMP(6),
				  :expected)""")
			.param("feed", feedId)
			.param("enterprise", enterpriseId)
			.param("source", source.name())
			.param("fileName", fileName)
			.param("upload", upload)
			.param("startedBy", startedBy)
			.param("node", this.node)
			.param("expected", expected)
			.update();
		long runId = this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
		if (!lock(feedId, runId)) {
			this.jdbc.sql("DELETE FROM feed_run WHERE id = :id").param("id", runId).update();
			throw new FeedBusyException(enterpriseId);
		}
		return runId;
	}

	/**
	 * One conditional update: only one node can win it. The lock is free when no run
	 * holds it, or when the run holding it is not alive (ended, or its node stopped).
	 */
	private boolean lock(long feedId, long runId) {
		return this.jdbc.sql("""
				UPDATE feed f SET lock_run_id = :run
				WHERE f.id = :feed AND (f.lock_run_id IS NULL OR f.lock_run_id = :run
				  OR NOT EXISTS (SELECT 1 FROM feed_run h WHERE h.id = f.lock_run_id AND %s))""".formatted(LIVE))
			.param("run", runId)
			.param("timeout", micros(this.heartbeatTimeout))
			.param("feed", feedId)
			.update() == 1;
	}

	void release(long runId) {
		this.jdbc.sql("UPDATE feed SET lock_run_id = NULL WHERE lock_run_id = :run").param("run", runId).update();
	}

	private void markFailed(long runId, String message) {
		this.jdbc.sql("""
				UPDATE feed_run SET status = 'FAILED', message = :message, ended_at = UTC_TIMESTAMP(6)
				WHERE id = :id""").param("message", FeedRunListener.clip(message)).param("id", runId).update();
	}

	private Optional<Restartable> restartable(long runId) {
		return this.jdbc.sql("""
				SELECT r.feed_id, r.enterprise_id, r.status, r.source, r.job_execution_id,
				  r.source = 'PULL' AND (COALESCE(f.cursor_reset_at > r.started_at, FALSE)
				    OR EXISTS (SELECT 1 FROM feed_run later WHERE later.feed_id = r.feed_id AND later.id > r.id
				      AND later.source = 'PULL')) AS superseded,
				  r.source = 'UPLOAD' AND r.upload_sha256 IS NULL AS file_released
				FROM feed_run r JOIN feed f ON f.id = r.feed_id
				WHERE r.id = :id AND r.status IN ('FAILED', 'INTERRUPTED')""")
			.param("id", runId)
			.query((rs, row) -> new Restartable(rs.getLong(1), rs.getLong(2), rs.getString(3),
					FeedSource.valueOf(rs.getString(4)), rs.getObject(5, Long.class), rs.getBoolean(6),
					rs.getBoolean(7)))
			.optional();
	}

	Optional<RunContext> context(long runId) {
		return this.jdbc.sql("""
				SELECT r.id, f.id, e.id, e.credit_code, r.source, f.base_url, f.token_ciphertext, f.cursor_value,
				  f.cursor_since
				FROM feed_run r JOIN feed f ON f.id = r.feed_id JOIN enterprise e ON e.id = r.enterprise_id
				WHERE r.id = :id""")
			.param("id", runId)
			.query((rs, row) -> new RunContext(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					FeedSource.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
					rs.getObject(9, LocalDate.class)))
			.optional();
	}

	/**
	 * Hands this node's runs over as it shuts down: their heartbeat is cleared, so the
	 * next node that looks (this one at its next start, or another at its next beat)
	 * takes them over at once; what this node's threads still do is fenced off by the
	 * owner check of the writer and the listener.
	 */
	@Override
	public void close() {
		try {
			int handed = this.jdbc.sql("""
					UPDATE feed_run SET heartbeat_at = NULL, owner_node = CONCAT(LEFT(owner_node, 85), ' (shut down)')
					WHERE owner_node = :node AND status IN ('STARTING', 'RUNNING')""")
				.param("node", this.node)
				.update();
			if (handed > 0) {
				log.info("Shutting down: {} feed run(s) handed over, to be resumed from their last committed chunk",
						handed);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Feed runs not handed over at shutdown (they will be after the heartbeat time-out): {}",
					ex.getMessage());
		}
		this.executor.shutdownNow();
	}

	private static long micros(Duration duration) {
		return duration.toNanos() / 1000;
	}

	private record Restartable(long feedId, long enterpriseId, String status, FeedSource source, Long executionId,
			boolean superseded, boolean fileReleased) {
	}

}
