package cn.qinglang.inspect.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.qinglang.batch.feed.FeedJobProperties;
import cn.qinglang.batch.feed.FeedSource;
import cn.qinglang.inspect.enterprise.Unscoped;
import cn.qinglang.inspect.system.Page;
import cn.qinglang.inspect.system.Times;
import cn.qinglang.inspect.system.CsvCells;

/**
 * Feeds, their runs and rejects. Callers check first that the user may see the
 * enterprise; every query here is then bound to that enterprise.
 */
@Unscoped("feeds are read by the enterprise id that a controller found inside the user's scope, or for the administrators' list and the scheduler")
@Repository
class Feeds {

	/**
	 * Records received per day of one enterprise ({@code :e}): labeling metrics and
	 * complaints, from the day rows of the aggregates that sum the content types.
	 * Enforcement actions are left out: a quiet week of actions is no sign of a missing
	 * submission.
	 */
	private static final String DAILY_RECORDS = """
			(SELECT period_start AS day, records FROM metric_agg
			 WHERE grain = 'D' AND content_type = '*' AND enterprise_id = :e
			 UNION ALL
			 SELECT period_start, received FROM complaint_agg
			 WHERE grain = 'D' AND content_type = '*' AND enterprise_id = :e) r""";

	/**
	 * Running: the feed's lock is held by a run whose node beats its heartbeat
	 * ({@code :timeout}, microseconds).
	 */
	private static final String SELECT_FEED = """
			SELECT f.id, e.id AS enterprise_id, e.code, e.name_zh, f.base_url, f.token_ciphertext IS NOT NULL AS has_token,
			  f.schedule_cron, f.enabled, f.cursor_value, f.cursor_since,
			  EXISTS (SELECT 1 FROM feed_run h WHERE h.id = f.lock_run_id AND h.status IN ('STARTING', 'RUNNING')
			    AND h.heartbeat_at >= TIMESTAMPADD(MICROSECOND, -:timeout, UTC_TIMESTAMP(6))) AS running,
			  f.last_success_at, f.last_error
			FROM feed f JOIN enterprise e ON e.id = f.enterprise_id
			""";

	/**
	 * Restartable: failed or interrupted; a pull run only while it is its feed's latest
	 * and the cursor was not reset after it began, an upload run only while it holds its
	 * file (the batch library refuses the others).
	 */
	private static final String SELECT_RUN = """
			SELECT r.id, r.enterprise_id, r.source, r.status, r.file_name, r.started_by, r.expected_count, r.read_count,
			  r.written_count, r.rejected_count, r.withdrawn_count, r.message, r.started_at, r.ended_at,
			  r.status IN ('FAILED', 'INTERRUPTED') AND NOT (r.source = 'PULL' AND (
			    EXISTS (SELECT 1 FROM feed f WHERE f.id = r.feed_id AND f.cursor_reset_at > r.started_at)
			    OR EXISTS (SELECT 1 FROM feed_run later WHERE later.feed_id = r.feed_id AND later.id > r.id
			      AND later.source = 'PULL')))
			  AND NOT (r.source = 'UPLOAD' AND r.upload_sha256 IS NULL) AS restartable
			FROM feed_run r
			""";

	private final JdbcClient jdbc;

	private final long heartbeatTimeout;

	private final Clock clock;

	Feeds(JdbcClient jdbc, FeedJobProperties jobs, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.heartbeatTimeout = jobs.heartbeatTimeout().toNanos() / 1000;
	}

	/** Every configured feed, for the administrators. */
	Page<FeedConfig> all(int number, int size) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM feed").query(Long.class).single();
		List<FeedConfig> items = this.jdbc.sql(SELECT_FEED + " ORDER BY e.id LIMIT :limit OFFSET :offset")
			.param("timeout", this.heartbeatTimeout)
			.param("limit", size)
			.param("offset", Page.offset(number, size))
			.query(Feeds::feed)
			.list();
		return new Page<>(items, number, size, total);
	}

	public Optional<FeedConfig> ofEnterprise(long enterpriseId) {
		return this.jdbc.sql(SELECT_FEED + " WHERE f.enterprise_id = :id")
			.param("timeout", this.heartbeatTimeout)
			.param("id", enterpriseId)
			.query(Feeds::feed)
			.optional();
	}

	/** Enabled pull feeds: what the nightly run pulls. */
	List<FeedConfig> enabledPullFeeds() {
		return this.jdbc.sql(SELECT_FEED + " WHERE f.enabled AND f.base_url IS NOT NULL ORDER BY e.id")
			.param("timeout", this.heartbeatTimeout)
			.query(Feeds::feed)
			.list();
	}

	Page<FeedRun> runs(long enterpriseId, int number, int size) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM feed_run WHERE enterprise_id = :e")
			.param("e", enterpriseId)
			.query(Long.class)
			.single();
		List<FeedRun> items = this.jdbc
			.sql(SELECT_RUN + " WHERE r.enterprise_id = :e ORDER BY r.id DESC LIMIT :limit OFFSET :offset")
			.param("e", enterpriseId)
			.param("limit", size)
			.param("offset", Page.offset(number, size))
			.query(this::run)
			.list();
		return new Page<>(items, number, size, total);
	}

	/** The run, if it belongs to the enterprise. */
	Optional<FeedRun> run(long enterpriseId, long runId) {
		return this.jdbc.sql(SELECT_RUN + " WHERE r.id = :id AND r.enterprise_id = :e")
			.param("id", runId)
			.param("e", enterpriseId)
			.query(this::run)
			.optional();
	}

	Page<Reject> rejects(long runId, int number, int size) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM feed_reject WHERE run_id = :run")
			.param("run", runId)
			.query(Long.class)
			.single();
		List<Reject> items = this.jdbc.sql("""
				SELECT position, platform_id, record_type, field, reason_code, detail FROM feed_reject
				WHERE run_id = :run ORDER BY position LIMIT :limit OFFSET :offset""")
			.param("run", runId)
			.param("limit", size)
			.param("offset", Page.offset(number, size))
			.query(Feeds::reject)
			.list();
		return new Page<>(items, number, size, total);
	}

	/**
	 * All rejects of a run as CSV (UTF-8 with BOM, so spreadsheet software reads the
	 * Chinese).
	 */
	void writeRejectsCsv(long runId, Writer out) throws IOException {
		out.write('\uFEFF');
		out.write("position,id,type,field,reason,detail\r\n");
		this.jdbc.sql("""
				SELECT position, platform_id, record_type, field, reason_code, detail FROM feed_reject
				WHERE run_id = :run ORDER BY position""").param("run", runId).query((ResultSet rs) -> {
			Reject reject = reject(rs, 0);
			try {
				out.write(reject.position() + "," + CsvCells.cell(reject.platformId()) + ","
						+ CsvCells.cell(reject.recordType()) + "," + CsvCells.cell(reject.field()) + ","
						+ CsvCells.cell(reject.reasonCode()) + "," + CsvCells.cell(reject.detail()) + "\r\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** The last successful run of each enterprise's feed, null where it has none. */
	Map<Long, Instant> lastSuccess(Collection<Long> enterpriseIds) {
		Map<Long, Instant> result = new LinkedHashMap<>();
		enterpriseIds.forEach((id) -> result.put(id, null));
		if (!enterpriseIds.isEmpty()) {
			this.jdbc.sql("SELECT enterprise_id, last_success_at FROM feed WHERE enterprise_id IN (:ids)")
				.param("ids", enterpriseIds)
				.query((ResultSet rs) -> {
					result.put(rs.getLong(1), Times.fromDb(rs.getObject(2, LocalDateTime.class)));
				});
		}
		return result;
	}

	/** How current the enterprise's data is; norms from the daily aggregates. */
	Freshness freshness(long enterpriseId, Duration silentAfter, double dropRatio, int normDays) {
		Instant dataAsOf = this.jdbc.sql("SELECT last_success_at FROM feed WHERE enterprise_id = :e")
			.param("e", enterpriseId)
			.query((rs, row) -> Times.fromDb(rs.getObject(1, LocalDateTime.class)))
			.optional()
			.orElse(null);
		boolean silent = dataAsOf == null || dataAsOf.isBefore(Instant.now(this.clock).minus(silentAfter));
		// each table's latest day from the end of its enterprise index, not from all its
		// days
		LocalDate lastDay = this.jdbc.sql("""
				SELECT MAX(r.day) FROM (
				  SELECT MAX(period_start) AS day FROM metric_agg
				  WHERE enterprise_id = :e AND grain = 'D' AND content_type = '*'
				  UNION ALL
				  SELECT MAX(period_start) FROM complaint_agg
				  WHERE enterprise_id = :e AND grain = 'D' AND content_type = '*') r""")
			.param("e", enterpriseId)
			.query((rs, row) -> rs.getObject(1, LocalDate.class))
			.optional()
			.orElse(null);
		if (lastDay == null) {
			return new Freshness(dataAsOf, silent, null, 0, null, false);
		}
		long received = this.jdbc
			.sql("SELECT COALESCE(SUM(r.records), 0) FROM " + DAILY_RECORDS + " WHERE r.day = :day")
			.param("e", enterpriseId)
			.param("day", lastDay)
			.query(Long.class)
			.single();
		Long expected = this.jdbc.sql("""
				SELECT CASE WHEN COUNT(DISTINCT r.day) = 0 THEN NULL ELSE ROUND(SUM(r.records) / :days) END
				FROM %s
				WHERE r.day >= :from AND r.day < :day""".formatted(DAILY_RECORDS))
			.param("e", enterpriseId)
			.param("days", normDays)
			.param("from", lastDay.minusDays(normDays))
			.param("day", lastDay)
			.query((rs, row) -> rs.getObject(1, Long.class))
			.optional()
			.orElse(null);
		boolean drop = expected != null && expected >= 5 && received < expected * dropRatio;
		return new Freshness(dataAsOf, silent, lastDay, received, expected, drop);
	}

	void saveConfig(long enterpriseId, FeedForm form, String tokenCiphertext) {
		this.jdbc.sql("INSERT IGNORE INTO feed (enterprise_id) VALUES (:e)").param("e", enterpriseId).update();
		this.jdbc.sql("""
				UPDATE feed SET base_url = :url, schedule_cron = :cron, enabled = :enabled,
				  token_ciphertext = COALESCE(:token, token_ciphertext), updated_at = UTC_TIMESTAMP(6),
				  version = version + 1
				WHERE enterprise_id = :e""")
			.param("url", form.baseUrl())
			.param("cron", form.scheduleCron())
			.param("enabled", form.enabled())
			.param("token", tokenCiphertext)
			.param("e", enterpriseId)
			.update();
	}

	void setEnabled(long enterpriseId, boolean enabled) {
		this.jdbc.sql("UPDATE feed SET enabled = :enabled, updated_at = UTC_TIMESTAMP(6) WHERE enterprise_id = :e")
			.param("enabled", enabled)
			.param("e", enterpriseId)
			.update();
	}

	private static FeedConfig feed(ResultSet rs, int row) throws SQLException {
		return new FeedConfig(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("code"),
				rs.getString("name_zh"), rs.getString("base_url"), rs.getBoolean("has_token"),
				rs.getString("schedule_cron"), rs.getBoolean("enabled"), rs.getString("cursor_value"),
				rs.getObject("cursor_since", LocalDate.class), rs.getBoolean("running"),
				Times.fromDb(rs.getObject("last_success_at", LocalDateTime.class)), rs.getString("last_error"));
	}

	private FeedRun run(ResultSet rs, int row) throws SQLException {
		return new FeedRun(rs.getLong("id"), rs.getLong("enterprise_id"), FeedSource.valueOf(rs.getString("source")),
				rs.getString("status"), rs.getString("file_name"), rs.getString("started_by"),
				rs.getObject("expected_count", Long.class), rs.getLong("read_count"), rs.getLong("written_count"),
				rs.getLong("rejected_count"), rs.getLong("withdrawn_count"), rs.getString("message"),
				Times.fromDb(rs.getObject("started_at", LocalDateTime.class)),
				Times.fromDb(rs.getObject("ended_at", LocalDateTime.class)), rs.getBoolean("restartable"),
				Instant.now(this.clock));
	}

	private static Reject reject(ResultSet rs, int row) throws SQLException {
		return new Reject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6));
	}

}
