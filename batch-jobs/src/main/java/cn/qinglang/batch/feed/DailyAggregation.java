package cn.qinglang.batch.feed;

import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Brings the dashboards' daily aggregates up to date for the days this run touched, and
 * only those: per record type, the touched days' rows are replaced by a fresh grouping of
 * that day's records. All in the step's one transaction.
 */
class DailyAggregation implements Tasklet {

	private static final String METRICS = """
			INSERT INTO feed_daily_aggregate (enterprise_id, day, record_type, category, kind, records, items,
			  explicit_labeled, implicit_labeled, handled, amount)
			SELECT m.enterprise_id, m.day, 'LABELING_METRIC', '', m.content_type, COUNT(*), SUM(m.published),
			  SUM(m.explicit_labeled), SUM(m.implicit_labeled), SUM(m.verified), 0
			FROM labeling_metric m
			WHERE m.enterprise_id = :enterprise
			  AND m.day IN (:days)
			GROUP BY m.enterprise_id, m.day, m.content_type""";

	private static final String COMPLAINTS = """
			INSERT INTO feed_daily_aggregate (enterprise_id, day, record_type, category, kind, records, items,
			  explicit_labeled, implicit_labeled, handled, amount)
			SELECT c.enterprise_id, c.received_day, 'COMPLAINT', c.category, c.content_type, COUNT(*), COUNT(*), 0, 0,
			  SUM(c.status IN ('HANDLED', 'DISMISSED')), 0
			FROM complaint c
			WHERE c.enterprise_id = :enterprise
			  AND c.received_day IN (:days)
			GROUP BY c.enterprise_id, c.received_day, c.category, c.content_type""";

	private static final String ACTIONS = """
			INSERT INTO feed_daily_aggregate (enterprise_id, day, record_type, category, kind, records, items,
			  explicit_labeled, implicit_labeled, handled, amount)
			SELECT a.enterprise_id, a.day, 'ENFORCEMENT_ACTION', a.category, a.action_type, COUNT(*), SUM(a.item_count),
			  0, 0, 0, COALESCE(SUM(a.amount), 0)
			FROM enforcement_action a
			WHERE a.enterprise_id = :enterprise
			  AND a.day IN (:days)
			GROUP BY a.enterprise_id, a.day, a.category, a.action_type""";

	private final JdbcClient jdbc;

	private final long runId;

	private final long enterpriseId;

	DailyAggregation(JdbcClient jdbc, long runId, long enterpriseId) {
		this.jdbc = jdbc;
		this.runId = runId;
		this.enterpriseId = enterpriseId;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		refresh("LABELING_METRIC", touchedDays("labeling_metric", "day", "previous_day"), METRICS);
		refresh("COMPLAINT", touchedDays("complaint", "received_day", "previous_received_day"), COMPLAINTS);
		refresh("ENFORCEMENT_ACTION", touchedDays("enforcement_action", "day", "previous_day"), ACTIONS);
		return RepeatStatus.FINISHED;
	}

	/**
	 * Replaces a record type's aggregates of the touched days. The days are read first: a
	 * short list of dates, where a sub-query with UNION would be run again for every row.
	 */
	private void refresh(String recordType, String touchedDays, String insert) {
		List<LocalDate> days = this.jdbc.sql(touchedDays).param("run", this.runId).query(LocalDate.class).list();
		if (days.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				DELETE FROM feed_daily_aggregate
				WHERE enterprise_id = :enterprise AND record_type = :type AND day IN (:days)""")
			.param("enterprise", this.enterpriseId)
			.param("type", recordType)
			.param("days", days)
			.update();
		this.jdbc.sql(insert).param("enterprise", this.enterpriseId).param("days", days).update();
	}

	/**
	 * The days of the run's records, and the days its updates moved records away from.
	 */
	private static String touchedDays(String table, String day, String previousDay) {
		return """
				SELECT t.%2$s FROM %1$s t WHERE t.last_run_id = :run
				UNION SELECT t.%3$s FROM %1$s t WHERE t.last_run_id = :run AND t.%3$s IS NOT NULL""".formatted(table,
				day, previousDay);
	}

}
