package cn.qinglang.batch.feed;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Beats the heartbeat of the runs this node runs, then takes over the runs whose node
 * stopped beating theirs (a crash, a {@code kill -9}, a lost host), here or elsewhere,
 * and restarts them from their last committed chunk. It looks at once when the node
 * starts, so a single node restarted after a crash resumes its run as soon as the dead
 * run's heartbeat is older than the time-out. It also restarts the runs that the database
 * failed for a moment, once their restart is due.
 */
class FeedRunWatch extends NodeWatch {

	private static final Logger log = LoggerFactory.getLogger(FeedRunWatch.class);

	private final FeedRuns runs;

	private final boolean resume;

	FeedRunWatch(FeedRuns runs, Duration interval, boolean resume) {
		super("feed-run-watch", interval);
		this.runs = runs;
		this.resume = resume;
	}

	@Override
	protected void watch() {
		this.runs.beat();
		for (long runId : this.runs.interruptStale()) {
			if (this.resume) {
				log.info("Feed run {} taken over by node {}: restarting it from its last committed chunk", runId,
						this.runs.node());
				this.runs.submitRestart(runId);
			}
			else {
				this.runs.release(runId);
			}
		}
		for (long runId : this.runs.restartDue()) {
			log.info("Feed run {} interrupted by the database: restarting it from its last committed chunk on node {}",
					runId, this.runs.node());
			this.runs.submitRestart(runId);
		}
	}

}
