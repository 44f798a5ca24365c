package cn.qinglang.inspect.report.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.qinglang.inspect.report.ReportFormat;
import cn.qinglang.inspect.system.RetryOnConflict;
import cn.qinglang.inspect.system.Times;

/**
 * The {@code report_export} rows. Every write runs in a transaction of its own: the
 * worker fills a report inside a read-only transaction (its rows may stream from the
 * database), and its progress must be committed while that one is still open. Only the
 * writes that take or let go of a stored file join the caller's transaction, in which the
 * file's own row is written or deleted.
 */
@RetryOnConflict
@Repository
@Transactional(propagation = Propagation.REQUIRES_NEW)
class ExportRepository {

	private static final int MAX_ERROR = 1000;

	private final JdbcClient jdbc;

	ExportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long queue(String owner, String title, ReportFormat format, long rowsEstimated, String recipe, String node,
			Instant at) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO report_export (owner, title, format, status, rows_estimated, created_at, recipe, owner_node,
				  heartbeat_at)
				VALUES (:owner, :title, :format, 'QUEUED', :rows, :at, :recipe, :node, UTC_TIMESTAMP(6))""")
			.param("owner", owner)
			.param("title", title)
			.param("format", format.name())
			.param("rows", rowsEstimated)
			.param("at", Times.toDb(at))
			.param("recipe", recipe)
			.param("node", node)
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** Only a queue that refused the export removes its row: nothing was produced. */
	void remove(long id) {
		this.jdbc.sql("DELETE FROM report_export WHERE id = :id AND status = 'QUEUED'").param("id", id).update();
	}

	/**
	 * Starts a queued export of this node.
	 * @return what the worker builds, or empty if the export is no longer this node's to
	 * start (taken over by another meanwhile)
	 */
	Optional<Queued> start(long id, String node, Instant at) {
		int started = this.jdbc.sql("""
				UPDATE report_export SET status = 'RUNNING', started_at = :at
				WHERE id = :id AND status = 'QUEUED' AND owner_node = :node""")
			.param("id", id)
			.param("node", node)
			.param("at", Times.toDb(at))
			.update();
		if (started == 0) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("SELECT owner, format, recipe, rows_estimated, created_at FROM report_export WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> new Queued(rs.getString("owner"), ReportFormat.valueOf(rs.getString("format")),
					rs.getString("recipe"), rs.getLong("rows_estimated"), instant(rs, "created_at")))
			.optional();
	}

	/**
	 * A started export: whose, in what format, from which recipe, of about how many rows,
	 * asked for when.
	 */
	record Queued(String owner, ReportFormat format, String recipe, long estimatedRows, Instant createdAt) {
	}

	void describe(long id, String template, String targetType, String targetId, String fileName) {
		this.jdbc.sql("""
				UPDATE report_export SET template = :template, target_type = :targetType, target_id = :targetId,
				  file_name = :fileName WHERE id = :id""")
			.param("id", id)
			.param("template", template)
			.param("targetType", targetType)
			.param("targetId", targetId)
			.param("fileName", fileName)
			.update();
	}

	void progress(long id, String node, long rowsDone, int percent) {
		this.jdbc.sql("""
				UPDATE report_export SET rows_done = :rows, progress_percent = :percent
				WHERE id = :id AND status = 'RUNNING' AND owner_node = :node""")
			.param("id", id)
			.param("node", node)
			.param("rows", rowsDone)
			.param("percent", percent)
			.update();
	}

	/**
	 * @return whether the export was still this node's: one taken over by another node
	 * meanwhile (this one seemed dead) is not marked done twice
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	boolean done(long id, String node, long size, String sha256, Instant at) {
		return this.jdbc.sql("""
				UPDATE report_export SET status = 'DONE', progress_percent = 100, file_size = :size, sha256 = :sha256,
				  finished_at = :at WHERE id = :id AND status = 'RUNNING' AND owner_node = :node""")
			.param("id", id)
			.param("node", node)
			.param("size", size)
			.param("sha256", sha256)
			.param("at", Times.toDb(at))
			.update() == 1;
	}

	/** Fails an export of this node that is still waiting or running. */
	void failed(long id, String node, String message, Instant at) {
		this.jdbc.sql("""
				UPDATE report_export SET status = 'FAILED', error_message = :message, finished_at = :at
				WHERE id = :id AND status IN ('QUEUED', 'RUNNING') AND owner_node = :node""")
			.param("id", id)
			.param("node", node)
			.param("message", truncate(message))
			.param("at", Times.toDb(at))
			.update();
	}

	/** Beats the heartbeat of the exports this node has queued or runs. */
	void beat(String node, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				UPDATE report_export SET heartbeat_at = UTC_TIMESTAMP(6)
				WHERE owner_node = :node AND status IN ('QUEUED', 'RUNNING') AND id IN (:ids)""")
			.param("node", node)
			.param("ids", ids)
			.update();
	}

	/** Exports waiting or running whose node stopped beating their heartbeat. */
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	List<Long> stale(Duration timeout) {
		return this.jdbc.sql("""
				SELECT id FROM report_export WHERE status IN ('QUEUED', 'RUNNING')
				  AND (heartbeat_at IS NULL OR heartbeat_at < TIMESTAMPADD(MICROSECOND, -:timeout, UTC_TIMESTAMP(6)))
				ORDER BY id""").param("timeout", timeout.toNanos() / 1000).query(Long.class).list();
	}

	/**
	 * Takes a stale export over for this node, queued again from the start; of the nodes
	 * that try at once, one does.
	 * @return the export's takeovers so far and whether it has a recipe, or empty if
	 * another node took it or its own node beat its heartbeat meanwhile
	 */
	Optional<Takeover> takeOver(long id, String node, Duration timeout) {
		int taken = this.jdbc
			.sql("""
					UPDATE report_export SET owner_node = :node, heartbeat_at = UTC_TIMESTAMP(6), status = 'QUEUED',
					  attempts = attempts + 1, rows_done = 0, progress_percent = 0, started_at = NULL
					WHERE id = :id AND status IN ('QUEUED', 'RUNNING')
					  AND (heartbeat_at IS NULL OR heartbeat_at < TIMESTAMPADD(MICROSECOND, -:timeout, UTC_TIMESTAMP(6)))""")
			.param("id", id)
			.param("node", node)
			.param("timeout", timeout.toNanos() / 1000)
			.update();
		if (taken == 0) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT attempts, recipe IS NOT NULL AS has_recipe FROM report_export WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> new Takeover(rs.getInt("attempts"), rs.getBoolean("has_recipe")))
			.optional();
	}

	/** An export taken over: how many times so far, and whether it can be built again. */
	record Takeover(int attempts, boolean hasRecipe) {
	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	List<Long> finishedBefore(Instant cutoff) {
		return this.jdbc.sql("SELECT id FROM report_export WHERE status = 'DONE' AND finished_at < :cutoff")
			.param("cutoff", Times.toDb(cutoff))
			.query(Long.class)
			.list();
	}

	/**
	 * Marks a finished export expired; it no longer refers to its file.
	 * @return the file's SHA-256, if the export was still finished
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	Optional<String> expire(long id) {
		Optional<String> sha256 = this.jdbc
			.sql("SELECT sha256 FROM report_export WHERE id = :id AND status = 'DONE' FOR UPDATE")
			.param("id", id)
			.query(String.class)
			.optional();
		this.jdbc.sql("UPDATE report_export SET status = 'EXPIRED', sha256 = NULL WHERE id = :id AND status = 'DONE'")
			.param("id", id)
			.update();
		return sha256;
	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	Optional<ReportExport> find(String owner, long id) {
		return this.jdbc.sql("SELECT * FROM report_export WHERE id = :id AND owner = :owner")
			.param("id", id)
			.param("owner", owner)
			.query(ExportRepository::map)
			.optional();
	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	List<ReportExport> list(String owner, int limit) {
		return this.jdbc
			.sql("SELECT * FROM report_export WHERE owner = :owner ORDER BY created_at DESC, id DESC LIMIT :limit")
			.param("owner", owner)
			.param("limit", limit)
			.query(ExportRepository::map)
			.list();
	}

	private static ReportExport map(ResultSet rs, int row) throws SQLException {
		return new ReportExport(rs.getLong("id"), rs.getString("owner"), rs.getString("title"),
				ReportFormat.valueOf(rs.getString("format")), ExportStatus.valueOf(rs.getString("status")),
				rs.getInt("progress_percent"), rs.getLong("rows_done"), rs.getLong("rows_estimated"),
				rs.getString("file_name"), rs.getObject("file_size", Long.class), rs.getString("sha256"),
				rs.getString("error_message"), rs.getString("template"), rs.getString("target_type"),
				rs.getString("target_id"), instant(rs, "created_at"), instant(rs, "started_at"),
				instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return Times.fromDb(rs.getObject(column, LocalDateTime.class));
	}

	private static String truncate(String message) {
		return (message != null && message.length() > MAX_ERROR) ? message.substring(0, MAX_ERROR) : message;
	}

}
