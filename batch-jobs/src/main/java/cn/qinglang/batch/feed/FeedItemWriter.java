package cn.qinglang.batch.feed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.qinglang.batch.feed.FeedItem.Accepted;
import cn.qinglang.batch.feed.FeedItem.Rejected;
import cn.qinglang.batch.feed.PlatformRecord.Complaint;
import cn.qinglang.batch.feed.PlatformRecord.EnforcementAction;
import cn.qinglang.batch.feed.PlatformRecord.LabelingMetric;
import cn.qinglang.batch.records.RecordType;

/**
 * Stores a chunk in one transaction: the good records by upsert on (enterprise, platform
 * id), the refused ones with their reason, the run's counts and, when a pulled page ends
 * in the chunk, the feed's cursor. So the cursor never runs ahead of the data it stands
 * for.
 * <p>
 * The good records of a type go to the database as one {@code LOAD DATA LOCAL INFILE}
 * from memory into their table; if some were stored already, once more into a temporary
 * table of the connection, then one {@code INSERT … SELECT … ON DUPLICATE KEY UPDATE}, in
 * the order they came: the server parses no SQL per row, and the rows are written as text
 * without a JDBC parameter each. The connection must allow it
 * ({@code allowLocalInfile=true} for MariaDB Connector/J; the server's
 * {@code local_infile}, on by default in MariaDB). No BEFORE INSERT trigger on the three
 * record tables: MariaDB 11.4.5 then fails an INSERT … SELECT of several rows with
 * "Column 'enterprise_id' cannot be null".
 */
public class FeedItemWriter implements ItemWriter<FeedItem> {

	// a restarted chunk may meet rejects that an earlier attempt stored: keep the first
	private static final String INSERT_REJECT = """
			INSERT IGNORE INTO feed_reject (run_id, position, platform_id, record_type, field, reason_code, detail)
			VALUES (?, ?, ?, ?, ?, ?, ?)""";

	// a chunk restarted after a failure may touch days the run has already noted

	// a row skipped by LOAD DATA LOCAL because its key is stored already
	private static final Set<Integer> DUPLICATE_KEY = Set.of(1062);

	// MariaDB refusing LOAD DATA LOCAL: disabled in the server, or not allowed by the
	// client
	private static final Set<Integer> LOCAL_INFILE_REFUSED = Set.of(1148, 4166);

	private final JdbcTemplate jdbc;

	private final long runId;

	private final long feedId;

	private final long enterpriseId;

	private final String node;

	// an update first keeps the day the record leaves (assignments run left to right), so
	// that the aggregation refreshes that day as well
	private final Upsert<LabelingMetric> metrics = new Upsert<>(RecordType.LABELING_METRIC, "previous_day",
			LabelingMetric::day, """
					enterprise_id, platform_id, day, content_type, published, explicit_labeled, implicit_labeled,
					  user_declared, platform_detected, verified, appeals_filed, appeals_upheld, tampering_detected,
					  last_run_id""", """
					previous_day = labeling_metric.day, day = VALUES(day), content_type = VALUES(content_type),
					  published = VALUES(published), explicit_labeled = VALUES(explicit_labeled),
					  implicit_labeled = VALUES(implicit_labeled), user_declared = VALUES(user_declared),
					  platform_detected = VALUES(platform_detected), verified = VALUES(verified),
					  appeals_filed = VALUES(appeals_filed), appeals_upheld = VALUES(appeals_upheld),
					  tampering_detected = VALUES(tampering_detected), last_run_id = VALUES(last_run_id)""",
			this::metricRow);

	private final Upsert<Complaint> complaints = new Upsert<>(RecordType.COMPLAINT, "previous_received_day",
			Complaint::receivedDay, """
					enterprise_id, platform_id, received_at, received_day, category, campaign_category, content_type,
					  channel, status, handled_at, outcome, summary, last_run_id""", """
					previous_received_day = complaint.received_day, received_at = VALUES(received_at),
					  received_day = VALUES(received_day), category = VALUES(category),
					  campaign_category = VALUES(campaign_category), content_type = VALUES(content_type),
					  channel = VALUES(channel), status = VALUES(status), handled_at = VALUES(handled_at),
					  outcome = VALUES(outcome), summary = VALUES(summary), last_run_id = VALUES(last_run_id)""",
			this::complaintRow);

	private final Upsert<EnforcementAction> actions = new Upsert<>(RecordType.ENFORCEMENT_ACTION, "previous_day",
			EnforcementAction::day,
			"""
					enterprise_id, platform_id, day, actor, action_type, category, campaign_category, item_count, amount,
					  note, last_run_id""",
			"""
					previous_day = enforcement_action.day, day = VALUES(day), actor = VALUES(actor),
					  action_type = VALUES(action_type), category = VALUES(category),
					  campaign_category = VALUES(campaign_category), item_count = VALUES(item_count),
					  amount = VALUES(amount), note = VALUES(note), last_run_id = VALUES(last_run_id)""",
			this::actionRow);

	/**
	 * @param node the node running the run: a chunk is stored only while the run is still
	 * this node's
	 */
	public FeedItemWriter(JdbcTemplate jdbc, long runId, long feedId, long enterpriseId, String node) {
		this.jdbc = jdbc;
		this.runId = runId;
		this.feedId = feedId;
		this.enterpriseId = enterpriseId;
		this.node = node;
	}

	@Override
	public void write(Chunk<? extends FeedItem> chunk) {
		List<LabelingMetric> metrics = new ArrayList<>();
		List<Complaint> complaints = new ArrayList<>();
		List<EnforcementAction> actions = new ArrayList<>();
		List<Rejected> rejects = new ArrayList<>();
		String cursor = null;
		for (FeedItem item : chunk) {
			if (item instanceof Accepted accepted) {
				if (accepted.record() instanceof LabelingMetric metric) {
					metrics.add(metric);
				}
				else if (accepted.record() instanceof Complaint complaint) {
					complaints.add(complaint);
				}
				else if (accepted.record() instanceof EnforcementAction action) {
					actions.add(action);
				}
			}
			else if (item instanceof Rejected rejected) {
				rejects.add(rejected);
			}
			if (item.pageEndCursor() != null) {
				cursor = item.pageEndCursor();
			}
		}
		this.metrics.note(this.metrics.write(metrics, null, null));
		this.complaints.note(this.complaints.write(complaints, null, null));
		this.actions.note(this.actions.write(actions, null, null));
		writeRejects(rejects);
		int written = metrics.size() + complaints.size() + actions.size();
		// a run taken over by another node (this one stalled past the heartbeat
		// time-out), or whose feed another run holds, stops rather than write twice
		int owned = this.jdbc.update("""
				UPDATE feed_run SET read_count = read_count + ?, written_count = written_count + ?,
				  rejected_count = rejected_count + ?, heartbeat_at = UTC_TIMESTAMP(6)
				WHERE id = ? AND owner_node = ? AND status = 'RUNNING'""", chunk.size(), written, rejects.size(),
				this.runId, this.node);
		if (owned != 1) {
			throw new FeedException("run " + this.runId + " is no longer this node's: another node took it over");
		}
		int held = this.jdbc.update(
				"UPDATE feed SET cursor_value = COALESCE(?, cursor_value) WHERE id = ? AND lock_run_id = ?", cursor,
				this.feedId, this.runId);
		if (held != 1) {
			throw new FeedException(
					"run " + this.runId + " no longer holds the lock of its feed: another run took over");
		}
	}

	/** What became of an accepted record. */
	public enum Outcome {

		/** Its id was new. */
		CREATED,
		/** It changed a stored record. */
		UPDATED,
		/** The stored record had these values already. */
		UNCHANGED

	}

	/**
	 * Stores a pushed request's records, the good ones by the same upsert as a chunk and
	 * the refused ones with their reason, and tells what became of each good one by its
	 * position. No cursor and no run ownership: the caller places the records in the run
	 * and counts it. The ids must be distinct. Other requests of the enterprise may be
	 * storing beside it: a record another one has just stored is classified as that one
	 * committed it (a locking read).
	 * @param beforeNoting run once the records are stored, before the run's days and
	 * rejects are noted (rows that read-lock the run's row through their foreign key)
	 */
	public Map<Long, Outcome> storeReporting(List<FeedItem> items, Runnable beforeNoting) {
		List<LabelingMetric> metrics = new ArrayList<>();
		List<Long> metricPositions = new ArrayList<>();
		List<Complaint> complaints = new ArrayList<>();
		List<Long> complaintPositions = new ArrayList<>();
		List<EnforcementAction> actions = new ArrayList<>();
		List<Long> actionPositions = new ArrayList<>();
		List<Rejected> rejects = new ArrayList<>();
		for (FeedItem item : items) {
			if (item instanceof Accepted accepted) {
				if (accepted.record() instanceof LabelingMetric metric) {
					metrics.add(metric);
					metricPositions.add(item.position());
				}
				else if (accepted.record() instanceof Complaint complaint) {
					complaints.add(complaint);
					complaintPositions.add(item.position());
				}
				else if (accepted.record() instanceof EnforcementAction action) {
					actions.add(action);
					actionPositions.add(item.position());
				}
			}
			else if (item instanceof Rejected rejected) {
				rejects.add(rejected);
			}
		}
		Map<Long, Outcome> outcomes = new HashMap<>();
		Set<LocalDate> metricDays = this.metrics.write(metrics, metricPositions, outcomes);
		Set<LocalDate> complaintDays = this.complaints.write(complaints, complaintPositions, outcomes);
		Set<LocalDate> actionDays = this.actions.write(actions, actionPositions, outcomes);
		beforeNoting.run();
		this.metrics.note(metricDays);
		this.complaints.note(complaintDays);
		this.actions.note(actionDays);
		writeRejects(rejects);
		return outcomes;
	}

	private void metricRow(LoadDataRows rows, LabelingMetric m) {
		rows.number(this.enterpriseId)
			.text(m.platformId())
			.date(m.day())
			.code(m.contentType())
			.number(m.published())
			.number(m.explicitLabeled())
			.number(m.implicitLabeled())
			.number(m.userDeclared())
			.number(m.platformDetected())
			.number(m.verified())
			.number(m.appealsFiled())
			.number(m.appealsUpheld())
			.number(m.tamperingDetected())
			.number(this.runId);
	}

	private void complaintRow(LoadDataRows rows, Complaint c) {
		rows.number(this.enterpriseId)
			.text(c.platformId())
			.time(c.receivedAt())
			.date(c.receivedDay())
			.code(c.category())
			.code(c.category().campaignCategory())
			.code(c.contentType())
			.code(c.channel())
			.code(c.status())
			.time(c.handledAt())
			.code(c.outcome())
			.text(c.summary())
			.number(this.runId);
	}

	private void actionRow(LoadDataRows rows, EnforcementAction a) {
		rows.number(this.enterpriseId)
			.text(a.platformId())
			.date(a.day())
			.code(a.actor())
			.code(a.type())
			.code(a.category())
			.code(a.category().campaignCategory())
			.number(a.count())
			.decimal(a.amount())
			.text(a.note())
			.number(this.runId);
	}

	private void writeRejects(List<Rejected> rejects) {
		if (rejects.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(INSERT_REJECT, rejects, rejects.size(), (ps, r) -> {
			ps.setLong(1, this.runId);
			ps.setLong(2, r.position());
			ps.setString(3, r.platformId());
			ps.setString(4, (r.type() != null) ? r.type().name() : null);
			ps.setString(5, r.field());
			ps.setString(6, r.reason().name());
			ps.setString(7, (r.detail().length() > 500) ? r.detail().substring(0, 500) : r.detail());
		});
	}

	/**
	 * The upsert of one record type. The rows are loaded straight into the table first,
	 * where a row whose key is stored already is skipped; when none is (a new feed, the
	 * next page of a pull) that is all. Otherwise the chunk goes through a temporary
	 * table, the table's name and {@code _load}, which has the table's columns and no
	 * key, plus {@code seq}: the order of the rows, so that a record sent twice in a
	 * chunk ends as its later version, and those just inserted are set again to the same
	 * values. {@link #note} then notes the days the chunk touched in {@code feed_run_day}
	 * for the aggregation after the run.
	 */
	private final class Upsert<T> {

		private final RecordType type;

		private final String table;

		private final String previousDay;

		private final Function<T, LocalDate> day;

		private final String columns;

		private final String updates;

		private final BiConsumer<LoadDataRows, T> row;

		Upsert(RecordType type, String previousDay, Function<T, LocalDate> day, String columns, String updates,
				BiConsumer<LoadDataRows, T> row) {
			this.type = type;
			this.table = type.wireName();
			this.previousDay = previousDay;
			this.day = day;
			this.columns = columns;
			this.updates = updates;
			this.row = row;
		}

		/**
		 * @param positions the items' positions, when {@code outcomes} is to be told
		 * @param outcomes receives what became of each item by its position; null for a
		 * chunk, whose rows are then loaded straight into the table first
		 * @return the days the records touched, those they left included
		 */
		Set<LocalDate> write(List<T> items, List<Long> positions, Map<Long, Outcome> outcomes) {
			if (items.isEmpty()) {
				return Set.of();
			}
			LoadDataRows rows = new LoadDataRows();
			Set<LocalDate> days = new TreeSet<>();
			for (T item : items) {
				this.row.accept(rows, item);
				rows.endRow();
				days.add(this.day.apply(item));
			}
			FeedItemWriter.this.jdbc.execute((ConnectionCallback<Void>) (connection) -> {
				// new records only (a new feed, the next page, most pushes): loaded
				// straight, which is all; otherwise the rows loaded stay for a chunk (the
				// upsert below sets them again), and are undone for a push, whose stored
				// ids are classified against the table as it was
				Savepoint before = (outcomes != null) ? connection.setSavepoint() : null;
				if (load(connection, rows, this.table, DUPLICATE_KEY) == rows.rows()) {
					if (before != null) {
						connection.releaseSavepoint(before);
						positions.forEach((position) -> outcomes.put(position, Outcome.CREATED));
					}
					return null;
				}
				if (before != null) {
					connection.rollback(before);
				}
				String staging = this.table + "_load";
				try (Statement statement = connection.createStatement()) {
					// made anew for each chunk (rows deleted from a kept one
					// would still be scanned); InnoDB, as every table the portal
					// writes, so that a Galera cluster takes it like the others
					statement.execute("CREATE OR REPLACE TEMPORARY TABLE " + staging
							+ " (seq INT NOT NULL AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB AS SELECT " + this.columns
							+ " FROM " + this.table + " LIMIT 0");
				}
				load(connection, rows, staging, Set.of());
				if (outcomes != null) {
					classify(connection, staging, positions, outcomes);
				}
				try (Statement statement = connection.createStatement()) {
					int upserted = statement.executeUpdate("INSERT INTO " + this.table + " (" + this.columns
							+ ") SELECT " + this.columns + " FROM " + staging + " ORDER BY seq ON DUPLICATE KEY UPDATE "
							+ this.updates + ", updated_at = UTC_TIMESTAMP(6)");
					// a new row counts 1, an updated one 2 (the driver's default, found
					// rows; updated_at always changes): only when some row was updated
					// can a record have left a day, and only then are its old days read
					if (upserted != rows.rows()) {
						try (ResultSet left = statement.executeQuery("SELECT DISTINCT x." + this.previousDay + " FROM "
								+ staging + " s JOIN " + this.table + " x" + byKey()
								+ " ON x.enterprise_id = s.enterprise_id AND x.platform_id = s.platform_id WHERE x."
								+ this.previousDay + " IS NOT NULL")) {
							while (left.next()) {
								days.add(left.getObject(1, LocalDate.class));
							}
						}
					}
				}
				return null;
			});
			return days;
		}

		/** Notes the days the records touched in {@code feed_run_day}, in their order. */
		void note(Set<LocalDate> days) {
			if (days.isEmpty()) {
				return;
			}
			// one statement of many rows: as many statements, one per day, took a push of
			// records over 150 days 5 ms more
			List<Object> values = new ArrayList<>(days.size() * 3);
			for (LocalDate day : days) {
				values.add(FeedItemWriter.this.runId);
				values.add(this.type.name());
				values.add(day);
			}
			FeedItemWriter.this.jdbc.update("INSERT INTO feed_run_day (run_id, record_type, day) VALUES "
					+ String.join(", ", Collections.nCopies(days.size(), "(?, ?, ?)"))
					+ " ON DUPLICATE KEY UPDATE touches = touches + 1", values.toArray());
		}

		/**
		 * The table's row of a staged row is found by its key, always: with the
		 * statistics of an enterprise's first rows (one enterprise, a few rows) MariaDB
		 * preferred the (enterprise, day) index and read all the enterprise's rows for
		 * each staged one, a push of 1,000 records into an enterprise holding 10,000 took
		 * 7 s instead of 50 ms, and more with each request.
		 */
		private String byKey() {
			return " FORCE INDEX (" + this.table + "_platform_uk)";
		}

		/**
		 * What the staged rows will do to the table: insert a new id, change a stored
		 * record, or leave it as it is (every stored column but the run equal, NULL to
		 * NULL).
		 */
		private void classify(Connection connection, String staging, List<Long> positions, Map<Long, Outcome> outcomes)
				throws SQLException {
			String same = Arrays.stream(this.columns.split(","))
				.map(String::strip)
				.filter((column) -> !Set.of("enterprise_id", "platform_id", "last_run_id").contains(column))
				.map((column) -> "x." + column + " <=> s." + column)
				.collect(Collectors.joining(" AND "));
			try (Statement statement = connection.createStatement();
					// the rank, not seq itself: on Galera auto_increment_increment is the
					// cluster's size (wsrep_auto_increment_control), so seq steps by it;
					// a locking read: the stored rows as another request of the
					// enterprise
					// committed them a moment ago, not as this transaction's snapshot has
					// them, and held until the upsert below has changed them
					ResultSet rows = statement.executeQuery("SELECT ROW_NUMBER() OVER (ORDER BY s.seq), x.id IS NULL, "
							+ same + " FROM " + staging + " s LEFT JOIN " + this.table + " x" + byKey()
							+ " ON x.enterprise_id = s.enterprise_id AND x.platform_id = s.platform_id FOR UPDATE")) {
				while (rows.next()) {
					Outcome outcome = rows.getBoolean(2) ? Outcome.CREATED
							: rows.getBoolean(3) ? Outcome.UNCHANGED : Outcome.UPDATED;
					outcomes.put(positions.get(rows.getInt(1) - 1), outcome);
				}
			}
		}

		/**
		 * Loads the rows into a table of these columns.
		 * @param allowed the warnings expected (LOCAL makes bad values and duplicate keys
		 * warnings, not errors); any other fails the chunk
		 * @return the rows stored
		 */
		private int load(Connection connection, LoadDataRows rows, String into, Set<Integer> allowed)
				throws SQLException {
			try (Statement load = connection.createStatement()) {
				load.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(rows.stream());
				int loaded = load.executeUpdate("LOAD DATA LOCAL INFILE '" + into + "' INTO TABLE " + into
						+ " CHARACTER SET utf8mb4 (" + this.columns + ")");
				for (SQLWarning warning = load.getWarnings(); warning != null; warning = warning.getNextWarning()) {
					if (!allowed.contains(warning.getErrorCode())) {
						throw new FeedException("loading " + rows.rows() + " rows into " + into + " stored " + loaded
								+ ": " + warning.getMessage());
					}
				}
				return loaded;
			}
			catch (SQLException ex) {
				if (LOCAL_INFILE_REFUSED.contains(ex.getErrorCode())) {
					throw new FeedException("the database connection does not allow LOAD DATA LOCAL INFILE, "
							+ "which the feeds need (allowLocalInfile=true, server local_infile=ON): "
							+ ex.getMessage(), ex);
				}
				throw ex;
			}
		}

	}

}
