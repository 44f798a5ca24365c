package cn.qinglang.inspect.feed;

import java.time.Duration;
import java.time.Instant;

import cn.qinglang.batch.feed.FeedSource;

/**
 * One run of a feed as the portal shows it.
 *
 * @param status STARTING, RUNNING, COMPLETED, FAILED or INTERRUPTED (its node died; the
 * run is taken over and restarted from its last committed chunk)
 * @param withdrawn records its token withdrew (a push run)
 * @param restartable whether an administrator can restart it where it stopped
 * @param readAt when it was read, by the portal's clock: a running run's duration counts
 * up to then
 */
record FeedRun(long id, long enterpriseId, FeedSource source, String status, String fileName, String startedBy,
		Long expected, long read, long written, long rejected, long withdrawn, String message, Instant startedAt,
		Instant endedAt, boolean restartable, Instant readAt) {

	public boolean running() {
		return "STARTING".equals(this.status) || "RUNNING".equals(this.status);
	}

	/** Share done in percent, when the total is known. */
	public Integer percent() {
		if ("COMPLETED".equals(this.status)) {
			return 100;
		}
		if (this.expected == null || this.expected <= 0) {
			return null;
		}
		return (int) Math.min(100, this.read * 100 / this.expected);
	}

	public Duration duration() {
		Instant end = (this.endedAt != null) ? this.endedAt : this.readAt;
		return Duration.between(this.startedAt, end);
	}

	/** Records read per second so far. */
	public long rate() {
		long millis = Math.max(1, duration().toMillis());
		return this.read * 1000 / millis;
	}

}
