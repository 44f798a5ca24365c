package cn.qinglang.batch.feed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A pulled page's body that delivers nothing for the request's time-out is closed: the
 * HTTP client's time-out ends when the headers arrive, and a platform that stalled in the
 * middle of a page held its run (and its feed) for ever. The read then fails with
 * {@link Stalled}, which the pull retries like a time-out.
 */
final class StalledBodies {

	private static final ScheduledExecutorService CHECKS = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "feed-body-watch");
		thread.setDaemon(true);
		return thread;
	});

	private StalledBodies() {
	}

	/** The body, closed when nothing came for the time-out. */
	static Watched watch(InputStream body, Duration timeout) {
		Watched watched = new Watched(body, timeout.toNanos());
		long period = Math.max(10, Math.min(1000, timeout.toMillis() / 4));
		watched.check = CHECKS.scheduleAtFixedRate(watched::check, period, period, TimeUnit.MILLISECONDS);
		return watched;
	}

	/** What a read of a stalled body throws. */
	static final class Stalled extends IOException {

		Stalled(long seconds) {
			super("the page stopped coming: nothing for " + seconds + " s");
		}

	}

	static final class Watched extends FilterInputStream {

		private final long timeoutNanos;

		private volatile long lastProgress = System.nanoTime();

		private volatile boolean stalled;

		private volatile ScheduledFuture<?> check;

		private Watched(InputStream in, long timeoutNanos) {
			super(in);
			this.timeoutNanos = timeoutNanos;
		}

		boolean stalled() {
			return this.stalled;
		}

		@Override
		public int read() throws IOException {
			int read = super.read();
			return progressed(read);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			return progressed(read);
		}

		private int progressed(int read) throws IOException {
			if (this.stalled) {
				throw new Stalled(Duration.ofNanos(this.timeoutNanos).toSeconds());
			}
			this.lastProgress = System.nanoTime();
			return read;
		}

		private void check() {
			if (System.nanoTime() - this.lastProgress > this.timeoutNanos) {
				this.stalled = true;
				this.check.cancel(false);
				try {
					this.in.close();
				}
				catch (IOException ex) {
					// closed to wake the reader up: nothing more to do
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.check.cancel(false);
			super.close();
		}

	}

}
