package cn.qinglang.batch.feed;

import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the run's row in step with the job: running on this node, then completed or
 * failed with a clear message; on success the feed's "data as of" moves on. The feed's
 * lock is let go either way, unless another node has taken the run over meanwhile.
 */
class FeedRunListener implements JobExecutionListener {

	private final JdbcClient jdbc;

	private final String node;

	FeedRunListener(JdbcClient jdbc, String node) {
		this.jdbc = jdbc;
		this.node = node;
	}

	@Override
	public void beforeJob(JobExecution execution) {
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
		boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
		String message = completed ? null : clip(messageOf(execution.getAllFailureExceptions()));
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
