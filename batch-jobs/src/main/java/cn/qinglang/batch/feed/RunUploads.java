package cn.qinglang.batch.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The uploaded files of runs, in the host's {@link UploadStore}. A run holds its file
 * while it may read it again: until it completes, or, failed or interrupted, until it is
 * no longer restarted within the retention; a run that lets go of its file is no longer
 * restartable.
 */
class RunUploads {

	private final JdbcClient jdbc;

	private final UploadStore store;

	RunUploads(JdbcClient jdbc, UploadStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/**
	 * A local copy of the run's file, which the caller deletes.
	 * @throws FeedException if the run holds no file any more
	 */
	Path copy(long runId) {
		String sha256 = held(runId);
		if (sha256 == null) {
			throw new FeedException("run " + runId + " no longer has its file: upload it again");
		}
		try {
			return this.store.copyToLocal(sha256);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Lets go of the run's file: it will not read it again. A run that is starting or
	 * running keeps it.
	 */
	void release(long runId) {
		String sha256 = held(runId);
		int released = this.jdbc.sql("""
				UPDATE feed_run SET upload_sha256 = NULL
				WHERE id = :id AND upload_sha256 = :sha256 AND status IN ('COMPLETED', 'FAILED', 'INTERRUPTED')""")
			.param("id", runId)
			.param("sha256", sha256)
			.update();
		if (released == 1) {
			this.store.delete(sha256);
		}
	}

	/**
	 * Lets go of the files of completed runs that still hold one (their node stopped
	 * between the end and the release), and of failed and interrupted runs that ended
	 * longer ago than the retention.
	 * @return how many runs let go of their file
	 */
	int releaseStale(Duration retention) {
		List<Long> runs = this.jdbc.sql("""
				SELECT id FROM feed_run WHERE upload_sha256 IS NOT NULL
				  AND (status = 'COMPLETED' OR (status IN ('FAILED', 'INTERRUPTED')
				    AND ended_at < TIMESTAMPADD(MICROSECOND, -:retention, UTC_TIMESTAMP(6))))
				ORDER BY id""").param("retention", retention.toNanos() / 1000).query(Long.class).list();
		runs.forEach(this::release);
		return runs.size();
	}

	private String held(long runId) {
		return this.jdbc.sql("SELECT upload_sha256 FROM feed_run WHERE id = :id")
			.param("id", runId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
