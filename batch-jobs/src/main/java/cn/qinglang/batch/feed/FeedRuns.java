package cn.qinglang.batch.feed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starts and restarts feed runs. A run first claims its feed's lock in the database, so
 * that a feed never runs twice at once, whatever the number of app instances; the lock is
 * let go when the run ends, or expires after the lock time-out if the process died.
 */
public class FeedRuns {

	private final JdbcClient jdbc;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final Duration lockTimeout;

	public FeedRuns(JdbcClient jdbc, JobOperator jobOperator, JobRepository jobRepository, Job job,
			Duration lockTimeout) {
		this.jdbc = jdbc;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = job;
		this.lockTimeout = lockTimeout;
	}

	/**
	 * Creates a pull run of the enterprise's feed and claims the feed for it.
	 * @throws FeedBusyException if the feed is running
	 */
	public long claimPull(long enterpriseId, String startedBy) {
		return claim(enterpriseId, FeedSource.PULL, null, startedBy, null);
	}

	/** Creates an upload run of the enterprise's feed and claims the feed for it. */
	public long claimUpload(long enterpriseId, String fileName, String startedBy, long expected) {
		return claim(enterpriseId, FeedSource.UPLOAD, fileName, startedBy, expected);
	}

	/** Runs a claimed pull run to its end, in the calling thread. */
	public JobExecution executePull(long runId) {
		return execute(runId, new JobParametersBuilder().addLong("runId", runId).toJobParameters());
	}

	/** Runs a claimed upload run over the file, in the calling thread. */
	public JobExecution executeUpload(long runId, Path file, RecordType csvType) {
		JobParametersBuilder parameters = new JobParametersBuilder().addLong("runId", runId)
			.addString("file", file.toAbsolutePath().toString(), false);
		if (csvType != null) {
			parameters.addString("csvType", csvType.name(), false);
		}
		return execute(runId, parameters.toJobParameters());
	}

	/**
	 * Restarts a failed run where it stopped, with the feed's lock claimed again.
	 * @throws FeedBusyException if another run of the feed is running
	 */
	public JobExecution restart(long runId) {
		long feedId = feedOf(runId);
		if (!lock(feedId, runId)) {
			throw new FeedBusyException(enterpriseOf(runId));
		}
		try {
			Long executionId = this.jdbc.sql("SELECT job_execution_id FROM feed_run WHERE id = :id")
				.param("id", runId)
				.query(Long.class)
				.single();
			JobExecution last = this.jobRepository.getJobExecution(executionId);
			return this.jobOperator.restart(last);
		}
		catch (Exception ex) {
			release(runId);
			throw new IllegalStateException("run " + runId + " cannot be restarted: " + ex.getMessage(), ex);
		}
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

	private long claim(long enterpriseId, FeedSource source, String fileName, String startedBy, Long expected) {
		this.jdbc.sql("INSERT IGNORE INTO feed (enterprise_id) VALUES (:enterprise)")
			.param("enterprise", enterpriseId)
			.update();
		long feedId = this.jdbc.sql("SELECT id FROM feed WHERE enterprise_id = :enterprise")
			.param("enterprise", enterpriseId)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO feed_run (feed_id, enterprise_id, source, file_name, started_by, expected_count)
				VALUES (:feed, :enterprise, :source, :fileName, :startedBy, :expected)""")
			.param("feed", feedId)
			.param("enterprise", enterpriseId)
			.param("source", source.name())
			.param("fileName", fileName)
			.param("startedBy", startedBy)
			.param("expected", expected)
			.update();
		long runId = this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
		if (!lock(feedId, runId)) {
			this.jdbc.sql("DELETE FROM feed_run WHERE id = :id").param("id", runId).update();
			throw new FeedBusyException(enterpriseId);
		}
		return runId;
	}

	/** One conditional update: only one instance can win it. */
	private boolean lock(long feedId, long runId) {
		return this.jdbc.sql("""
				UPDATE feed SET lock_run_id = :run,
				  locked_until = TIMESTAMPADD(SECOND, :seconds, UTC_TIMESTAMP(6))
				WHERE id = :feed AND (lock_run_id IS NULL OR lock_run_id = :run OR locked_until < UTC_TIMESTAMP(6))""")
			.param("run", runId)
			.param("seconds", this.lockTimeout.toSeconds())
			.param("feed", feedId)
			.update() == 1;
	}

	void release(long runId) {
		this.jdbc.sql("UPDATE feed SET lock_run_id = NULL, locked_until = NULL WHERE lock_run_id = :run")
			.param("run", runId)
			.update();
	}

	private void markFailed(long runId, String message) {
		this.jdbc.sql("""
				UPDATE feed_run SET status = 'FAILED', message = :message, ended_at = UTC_TIMESTAMP(6)
				WHERE id = :id""").param("message", FeedRunListener.clip(message)).param("id", runId).update();
	}

	private long feedOf(long runId) {
		return this.jdbc.sql("SELECT feed_id FROM feed_run WHERE id = :id")
			.param("id", runId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("no run " + runId));
	}

	private long enterpriseOf(long runId) {
		return this.jdbc.sql("SELECT enterprise_id FROM feed_run WHERE id = :id")
			.param("id", runId)
			.query(Long.class)
			.single();
	}

	Optional<RunContext> context(long runId) {
		return this.jdbc.sql("""
				SELECT r.id, f.id, e.id, e.credit_code, r.source, f.base_url, f.token_ciphertext, f.cursor_value
				FROM feed_run r JOIN feed f ON f.id = r.feed_id JOIN enterprise e ON e.id = r.enterprise_id
				WHERE r.id = :id""")
			.param("id", runId)
			.query((rs, row) -> new RunContext(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					FeedSource.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8)))
			.optional();
	}

}
