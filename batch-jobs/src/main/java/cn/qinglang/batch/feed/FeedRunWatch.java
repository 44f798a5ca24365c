package cn.qinglang.batch.feed;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * On a thread of its own, so that no other scheduled work can delay it: beats the
 * heartbeat of the runs this node runs, then takes over the runs whose node stopped
 * beating theirs (a crash, a {@code kill -9}, a lost host), here or elsewhere, and
 * restarts them from their last committed chunk. It looks at once when the node starts,
 * so a single node restarted after a crash resumes its run as soon as the dead run's
 * heartbeat is older than the time-out. It also restarts the runs that the database
 * failed for a moment, once their restart is due.
 */
class FeedRunWatch implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FeedRunWatch.class);

	private final FeedRuns runs;

	private final Duration interval;

	private final boolean resume;

	private ScheduledExecutorService scheduler;

	FeedRunWatch(FeedRuns runs, Duration interval, boolean resume) {
		this.runs = runs;
		this.interval = interval;
		this.resume = resume;
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "feed-run-watch");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::watch, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	void watch() {
		try {
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
				log.info(
						"Feed run {} interrupted by the database: restarting it from its last committed chunk on node {}",
						runId, this.runs.node());
				this.runs.submitRestart(runId);
			}
		}
		catch (RuntimeException ex) {
			// the database may be briefly away; the next beat tries again
			log.warn("Feed run heartbeat failed: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

}
