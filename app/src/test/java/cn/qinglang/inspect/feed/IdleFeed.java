package cn.qinglang.inspect.feed;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits in tests for an enterprise's feed runs, which go on in the background, to end.
 */
final class IdleFeed {

	private IdleFeed() {
	}

	/** The latest run of the enterprise, once none of its runs is running. */
	static long latestRun(JdbcClient jdbc, long enterpriseId) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			Long open = jdbc.sql("""
					SELECT COUNT(*) FROM feed_run WHERE enterprise_id = :e AND status IN ('STARTING', 'RUNNING')""")
				.param("e", enterpriseId)
				.query(Long.class)
				.single();
			if (open == 0) {
				return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM feed_run WHERE enterprise_id = :e")
					.param("e", enterpriseId)
					.query(Long.class)
					.single();
			}
			Thread.sleep(50);
		}
		throw new AssertionError("run of enterprise " + enterpriseId + " did not end");
	}

}
