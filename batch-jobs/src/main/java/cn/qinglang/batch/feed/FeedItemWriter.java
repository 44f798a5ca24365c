package cn.qinglang.batch.feed;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.qinglang.batch.feed.FeedItem.Accepted;
import cn.qinglang.batch.feed.FeedItem.Rejected;
import cn.qinglang.batch.feed.PlatformRecord.Complaint;
import cn.qinglang.batch.feed.PlatformRecord.EnforcementAction;
import cn.qinglang.batch.feed.PlatformRecord.LabelingMetric;

/**
 * Stores a chunk in one transaction: the good records by upsert on (enterprise, platform
 * id), the refused ones with their reason, the run's counts and, when a pulled page ends
 * in the chunk, the feed's cursor. So the cursor never runs ahead of the data it stands
 * for.
 */
public class FeedItemWriter implements ItemWriter<FeedItem> {

	// an update first keeps the day the record leaves (assignments run left to right), so
	// that the aggregation refreshes that day as well
	private static final String UPSERT_METRIC = """
			INSERT INTO labeling_metric (enterprise_id, platform_id, day, content_type, published, explicit_labeled,
			  implicit_labeled, user_declared, platform_detected, verified, appeals_filed, appeals_upheld,
			  tampering_detected, last_run_id)
			VALUES %s
			ON DUPLICATE KEY UPDATE previous_day = day, day = VALUES(day), content_type = VALUES(content_type),
			  published = VALUES(published), explicit_labeled = VALUES(explicit_labeled),
			  implicit_labeled = VALUES(implicit_labeled), user_declared = VALUES(user_declared),
			  platform_detected = VALUES(platform_detected), verified = VALUES(verified),
			  appeals_filed = VALUES(appeals_filed), appeals_upheld = VALUES(appeals_upheld),
			  tampering_detected = VALUES(tampering_detected), last_run_id = VALUES(last_run_id),
			  updated_at = UTC_TIMESTAMP(6)""";

	private static final String UPSERT_COMPLAINT = """
			INSERT INTO complaint (enterprise_id, platform_id, received_at, received_day, category, campaign_category,
			  content_type, channel, status, handled_at, outcome, summary, last_run_id)
			VALUES %s
			ON DUPLICATE KEY UPDATE previous_received_day = received_day, received_at = VALUES(received_at),
			  received_day = VALUES(received_day),
			  category = VALUES(category), campaign_category = VALUES(campaign_category),
			  content_type = VALUES(content_type), channel = VALUES(channel), status = VALUES(status),
			  handled_at = VALUES(handled_at), outcome = VALUES(outcome), summary = VALUES(summary),
			  last_run_id = VALUES(last_run_id), updated_at = UTC_TIMESTAMP(6)""";

	private static final String UPSERT_ACTION = """
			INSERT INTO enforcement_action (enterprise_id, platform_id, day, actor, action_type, category,
			  campaign_category, item_count, amount, note, last_run_id)
			VALUES %s
			ON DUPLICATE KEY UPDATE previous_day = day, day = VALUES(day), actor = VALUES(actor),
			  action_type = VALUES(action_type),
			  category = VALUES(category), campaign_category = VALUES(campaign_category),
			  item_count = VALUES(item_count), amount = VALUES(amount), note = VALUES(note),
			  last_run_id = VALUES(last_run_id), updated_at = UTC_TIMESTAMP(6)""";

	// a restarted chunk may meet rejects that an earlier attempt stored: keep the first
	private static final String INSERT_REJECT = """
			INSERT IGNORE INTO feed_reject (run_id, position, platform_id, record_type, field, reason_code, detail)
			VALUES (?, ?, ?, ?, ?, ?, ?)""";

	private static final int ROWS = 1000;

	private final JdbcTemplate jdbc;

	private final long runId;

	private final long feedId;

	private final long enterpriseId;

	private final long lockSeconds;

	public FeedItemWriter(JdbcTemplate jdbc, long runId, long feedId, long enterpriseId, Duration lockTimeout) {
		this.jdbc = jdbc;
		this.runId = runId;
		this.feedId = feedId;
		this.enterpriseId = enterpriseId;
		this.lockSeconds = lockTimeout.toSeconds();
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
		writeMetrics(metrics);
		writeComplaints(complaints);
		writeActions(actions);
		writeRejects(rejects);
		int written = metrics.size() + complaints.size() + actions.size();
		this.jdbc.update("""
				UPDATE feed_run SET read_count = read_count + ?, written_count = written_count + ?,
				  rejected_count = rejected_count + ? WHERE id = ?""", chunk.size(), written, rejects.size(),
				this.runId);
		// each chunk renews the run's hold on its feed: a long run keeps it, a dead one
		// lets
		// it expire; a run whose hold was taken over by another stops rather than write
		// twice
		int held = this.jdbc.update("""
				UPDATE feed SET locked_until = TIMESTAMPADD(SECOND, ?, UTC_TIMESTAMP(6)),
				  cursor_value = COALESCE(?, cursor_value)
				WHERE id = ? AND lock_run_id = ?""", this.lockSeconds, cursor, this.feedId, this.runId);
		if (held != 1) {
			throw new FeedException(
					"run " + this.runId + " no longer holds the lock of its feed: another run took over");
		}
	}

	private void writeMetrics(List<LabelingMetric> metrics) {
		if (metrics.isEmpty()) {
			return;
		}
		upsert(UPSERT_METRIC, metrics, (ps, base, m) -> {
			ps.setLong(base + 1, this.enterpriseId);
			ps.setString(base + 2, m.platformId());
			ps.setObject(base + 3, m.day());
			ps.setString(base + 4, m.contentType().name());
			ps.setLong(base + 5, m.published());
			ps.setLong(base + 6, m.explicitLabeled());
			ps.setLong(base + 7, m.implicitLabeled());
			ps.setLong(base + 8, m.userDeclared());
			ps.setLong(base + 9, m.platformDetected());
			ps.setLong(base + 10, m.verified());
			ps.setLong(base + 11, m.appealsFiled());
			ps.setLong(base + 12, m.appealsUpheld());
			ps.setLong(base + 13, m.tamperingDetected());
			ps.setLong(base + 14, this.runId);
		});
	}

	private void writeComplaints(List<Complaint> complaints) {
		if (complaints.isEmpty()) {
			return;
		}
		upsert(UPSERT_COMPLAINT, complaints, (ps, base, c) -> {
			ps.setLong(base + 1, this.enterpriseId);
			ps.setString(base + 2, c.platformId());
			ps.setObject(base + 3, LocalDateTime.ofInstant(c.receivedAt(), ZoneOffset.UTC));
			ps.setObject(base + 4, c.receivedDay());
			ps.setString(base + 5, c.category().name());
			ps.setString(base + 6,
					(c.category().campaignCategory() != null) ? c.category().campaignCategory().name() : null);
			ps.setString(base + 7, c.contentType().name());
			ps.setString(base + 8, c.channel().name());
			ps.setString(base + 9, c.status().name());
			if (c.handledAt() != null) {
				ps.setObject(base + 10, LocalDateTime.ofInstant(c.handledAt(), ZoneOffset.UTC));
			}
			else {
				ps.setNull(base + 10, Types.TIMESTAMP);
			}
			ps.setString(base + 11, (c.outcome() != null) ? c.outcome().name() : null);
			ps.setString(base + 12, c.summary());
			ps.setLong(base + 13, this.runId);
		});
	}

	private void writeActions(List<EnforcementAction> actions) {
		if (actions.isEmpty()) {
			return;
		}
		upsert(UPSERT_ACTION, actions, (ps, base, a) -> {
			ps.setLong(base + 1, this.enterpriseId);
			ps.setString(base + 2, a.platformId());
			ps.setObject(base + 3, a.day());
			ps.setString(base + 4, a.actor().name());
			ps.setString(base + 5, a.type().name());
			ps.setString(base + 6, a.category().name());
			ps.setString(base + 7,
					(a.category().campaignCategory() != null) ? a.category().campaignCategory().name() : null);
			ps.setLong(base + 8, a.count());
			ps.setBigDecimal(base + 9, a.amount());
			ps.setString(base + 10, a.note());
			ps.setLong(base + 11, this.runId);
		});
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
	 * One multi-row INSERT … ON DUPLICATE KEY UPDATE per {@value #ROWS} rows: far fewer
	 * statements for the server to parse and run than one per row.
	 */
	private <T> void upsert(String sql, List<T> items, RowSetter<T> setter) {
		int columns = (int) sql.substring(0, sql.indexOf("VALUES")).chars().filter((c) -> c == ',').count() + 1;
		String row = "(" + "?, ".repeat(columns - 1) + "?)";
		for (int from = 0; from < items.size(); from += ROWS) {
			List<T> rows = items.subList(from, Math.min(items.size(), from + ROWS));
			this.jdbc.update(sql.formatted(String.join(", ", Collections.nCopies(rows.size(), row))), (ps) -> {
				for (int i = 0; i < rows.size(); i++) {
					setter.set(ps, i * columns, rows.get(i));
				}
			});
		}
	}

	/** Sets the parameters of one row, the row's first at {@code base + 1}. */
	@FunctionalInterface
	private interface RowSetter<T> {

		void set(PreparedStatement ps, int base, T item) throws SQLException;

	}

}
