package cn.qinglang.batch.feed;

import java.util.List;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the run's row in step with the job: running on this node, then completed or
 * failed with a clear message; on success the feed's "data as of" moves on and an upload
 * run lets go of its file (a failed one keeps it for a restart). The feed's lock is let
 * go either way, unless another node has taken the run over meanwhile.
 */
class FeedRunListener implements JobExecutionListener {

	/** How many times a run is restarted after the database failed it. */
	static final int AUTO_RESTARTS = 5;

	/** How long after such a failure it is restarted. */
	static final int RESTART_DELAY_SECONDS = 3;

	private final JdbcClient jdbc;

	private final String node;

	private final Set<Long> running;

	private final RunUploads uploads;

	FeedRunListener(JdbcClient jdbc, FeedNode node, RunUploads uploads) {
		this.jdbc = jdbc;
		this.node = node.id();
		this.running = node.running();
		this.uploads = uploads;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		this.running.add(runId(execution));
		this.jdbc.sql("""
				UPDATE feed_run SET status = 'RUNNING', job_execution_id = :execution, owner_node = :node,
				  heartbeat_at = UTC_TIMESTAMP(6), message = NULL, ended_at = NULL
				WHERE id = :id""")
			.param("execution", execution.getId())
			.param("node", this.node)
			.param("id", runId(execution))
			.update();
	}

	@Override
	public void afterJob(JobExecution execution) {
		long runId = runId(execution);
		// its heartbeat stops even if what follows fails
		this.running.remove(runId);
		boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
		String message = completed ? null : clip(messageOf(execution.getAllFailureExceptions()));
		if (!completed && DatabaseTrouble.in(execution.getAllFailureExceptions()) && restartSoon(runId, message)) {
			return;
		}
		// a node that lost its run (taken over after it stalled, or handed over at its
		// shutdown) leaves the run, its feed and its lock to their new owner
		int owned = this.jdbc.sql("""
				UPDATE feed_run SET status = :status, message = :message, ended_at = UTC_TIMESTAMP(6)
				WHERE id = :id AND owner_node = :node""")
			.param("status", completed ? "COMPLETED" : "FAILED")
			.param("message", message)
			.param("id", runId)
			.param("node", this.node)
			.update();
		if (owned != 1) {
			return;
		}
		if (completed) {
			this.jdbc.sql("""
					UPDATE feed SET last_success_at = UTC_TIMESTAMP(6), last_error = NULL
					WHERE id = (SELECT feed_id FROM feed_run WHERE id = :id)""").param("id", runId).update();
		}
		else {
			this.jdbc
				.sql("UPDATE feed SET last_error = :message WHERE id = (SELECT feed_id FROM feed_run WHERE id = :id)")
				.param("message", message)
				.param("id", runId)
				.update();
		}
		this.jdbc.sql("UPDATE feed SET lock_run_id = NULL WHERE lock_run_id = :run").param("run", runId).update();
		if (completed) {
			this.uploads.release(runId);
		}
	}

	/**
	 * A run the database failed for a moment (a Galera node gone with its connection, a
	 * transaction that lost to another's) is interrupted, not failed: it keeps its feed,
	 * and the watch of whichever node sees it first restarts it from its last committed
	 * chunk a few seconds later ({@link FeedRuns#restartDue}), up to
	 * {@value #AUTO_RESTARTS} times.
	 * @return whether the run waits for its restart
	 */
	private boolean restartSoon(long runId, String message) {
		return this.jdbc.sql("""
				UPDATE feed_run SET status = 'INTERRUPTED', ended_at = UTC_TIMESTAMP(6),
				  message = CONCAT('the database failed for a moment, restarting from the last committed chunk: ',
				    :message),
				  auto_restarts = auto_restarts + 1,
				  restart_at = TIMESTAMPADD(SECOND, :delay, UTC_TIMESTAMP(6))
				WHERE id = :id AND owner_node = :node AND auto_restarts < :limit""")
			.param("message", String.valueOf(message))
			.param("delay", RESTART_DELAY_SECONDS)
			.param("id", runId)
			.param("node", this.node)
			.param("limit", AUTO_RESTARTS)
			.update() == 1;
	}

	private static long runId(JobExecution execution) {
		return execution.getJobParameters().getLong("runId");
	}

	/** The deepest FeedException's message if there is one: it is written for people. */
	private static String messageOf(List<Throwable> failures) {
		for (Throwable failure : failures) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof FeedException) {
					return cause.getMessage();
				}
			}
		}
		if (failures.isEmpty()) {
			return "stopped";
		}
		Throwable root = failures.get(0);
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	static String clip(String message) {
		return (message != null && message.length() > 1000) ? message.substring(0, 1000) : message;
	}

}
