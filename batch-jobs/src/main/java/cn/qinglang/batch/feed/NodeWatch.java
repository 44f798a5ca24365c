package cn.qinglang.batch.feed;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Work every node does for itself at a fixed delay, on a thread of its own so that no
 * other scheduled work can delay it, from the moment the node starts: beating the
 * heartbeat of the work it owns and taking over the work of nodes that stopped beating
 * theirs. Not a schedule run once per cluster: each node beats its own.
 */
public abstract class NodeWatch implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NodeWatch.class);

	private final String threadName;

	private final Duration interval;

	private ScheduledExecutorService scheduler;

	protected NodeWatch(String threadName, Duration interval) {
		this.threadName = threadName;
		this.interval = interval;
	}

	/** One look; a failure is logged and the next look tries again. */
	protected abstract void watch();

	private void look() {
		try {
			watch();
		}
		catch (RuntimeException ex) {
			// the database may be briefly away; the next beat tries again
			log.warn("{} failed: {}", this.threadName, ex.getMessage());
		}
	}

	@Override
	public synchronized void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, this.threadName);
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::look, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
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
