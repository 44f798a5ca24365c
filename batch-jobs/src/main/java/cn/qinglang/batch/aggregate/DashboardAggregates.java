package cn.qinglang.batch.aggregate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.batch.core.step.tasklet.Tasklet;

import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Keeps the dashboard aggregates: the day rows of the days a run touched are recomputed
 * from the raw records (and their rolled-up rows from those), then the weeks and months
 * holding those days are re-summed from the day rows. Never a recomputation from scratch,
 * except in {@link #rebuildAll()}. The caller supplies the transaction.
 */
public class DashboardAggregates {

	private static final String WEEK_OF = "d.period_start - INTERVAL WEEKDAY(d.period_start) DAY";

	private static final String MONTH_OF = "d.period_start - INTERVAL (DAYOFMONTH(d.period_start) - 1) DAY";

	private final JdbcClient jdbc;

	public DashboardAggregates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The feed job's last step: {@link #refreshRun} for one run, in the step's one
	 * transaction (restarted with the run when it fails).
	 */
	public Tasklet refreshRunStep(long runId, long enterpriseId) {
		return (contribution, chunk) -> {
			refreshRun(runId, enterpriseId);
			return RepeatStatus.FINISHED;
		};
	}

	/**
	 * Brings every table up to date for what one feed run wrote of one enterprise, then
	 * forgets the days the run noted (so that {@code feed_run_day} holds only runs not
	 * yet aggregated). Meant for read committed: the day rows are computed from the
	 * records as a consistent read without locking them, so that the enterprise's writes
	 * go on meanwhile; a day that a write notes again meanwhile (its {@code touches}
	 * moved on) is not forgotten, and the next refresh takes it.
	 */
	public void refreshRun(long runId, long enterpriseId) {
		List<Noted> noted = this.jdbc.sql("""
				SELECT record_type, day, touches FROM feed_run_day WHERE run_id = :run
				ORDER BY FIELD(record_type, 'LABELING_METRIC', 'COMPLAINT', 'ENFORCEMENT_ACTION'), day""")
			.param("run", runId)
			.query((rs, row) -> new Noted(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3)))
			.list();
		boolean changed = false;
		for (AggregateTable table : AggregateTable.values()) {
			changed |= refresh(table, enterpriseId,
					noted.stream()
						.filter((day) -> day.recordType().equals(table.recordType()))
						.map(Noted::day)
						.toList());
		}
		if (changed) {
			bumpVersion();
		}
		// the run's days have served: in the same transaction as the aggregates, so that
		// a failed aggregation keeps them for the restart; in the order the writers note
		// them (record type, day), so that a writer and this never wait for each other
		for (Noted day : noted) {
			this.jdbc.sql("""
					DELETE FROM feed_run_day
					WHERE run_id = :run AND record_type = :type AND day = :day AND touches = :touches""")
				.param("run", runId)
				.param("type", day.recordType())
				.param("day", day.day())
				.param("touches", day.touches())
				.update();
		}
	}

	/** A day a run noted, and how many writes noted it. */
	private record Noted(String recordType, LocalDate day, long touches) {
	}

	/**
	 * Recomputes one table's rows of an enterprise for the given days, their weeks and
	 * their months.
	 * @return whether there was anything to do
	 */
	public boolean refresh(AggregateTable table, long enterpriseId, Collection<LocalDate> days) {
		if (days.isEmpty()) {
			return false;
		}
		// beyond 200 days in the list MariaDB estimates the rows from index statistics,
		// which right after a big load say a row or so per day: it then reads a million
		// records through the day index, 3 to 4 times slower than the table scan it
		// picks once it looks each day up in the index
		replace(table, enterpriseId, "D", days, days, "SET STATEMENT eq_range_index_dive_limit = 0 FOR "
				+ table.insertDaily("x.enterprise_id = :enterprise AND x.%s IN (:periods)".formatted(table.rawDay())));
		this.jdbc.sql(table.insertAll("d.enterprise_id = :enterprise AND d.period_start IN (:days)"))
			.param("enterprise", enterpriseId)
			.param("days", days)
			.update();
		Set<LocalDate> weeks = periods(days, (day) -> day.with(DayOfWeek.MONDAY));
		replace(table, enterpriseId, "W", weeks, daysOf(weeks, (week) -> week.plusDays(6)),
				table.rollUp("W", WEEK_OF, "d.enterprise_id = :enterprise AND d.period_start IN (:days)"));
		Set<LocalDate> months = periods(days, (day) -> day.withDayOfMonth(1));
		replace(table, enterpriseId, "M", months,
				daysOf(months, (month) -> month.with(TemporalAdjusters.lastDayOfMonth())),
				table.rollUp("M", MONTH_OF, "d.enterprise_id = :enterprise AND d.period_start IN (:days)"));
		return true;
	}

	/**
	 * Recomputes every aggregate from the raw records: after a bulk load that bypassed
	 * the feed job, or when a schema change asked for it. One enterprise at a time: each
	 * grouping then stays small enough for an in-memory temporary table, and reads its
	 * records through the enterprise's index instead of sorting ten million rows at once.
	 */
	public void rebuildAll() {
		List<Long> enterprises = this.jdbc.sql("SELECT id FROM enterprise ORDER BY id").query(Long.class).list();
		for (AggregateTable table : AggregateTable.values()) {
			this.jdbc.sql("DELETE FROM " + table.table()).update();
			for (long enterprise : enterprises) {
				this.jdbc.sql(table.insertDaily("x.enterprise_id = :enterprise"))
					.param("enterprise", enterprise)
					.update();
				this.jdbc.sql(table.insertAll("d.enterprise_id = :enterprise"))
					.param("enterprise", enterprise)
					.update();
				this.jdbc.sql(table.rollUp("W", WEEK_OF, "d.enterprise_id = :enterprise"))
					.param("enterprise", enterprise)
					.update();
				this.jdbc.sql(table.rollUp("M", MONTH_OF, "d.enterprise_id = :enterprise"))
					.param("enterprise", enterprise)
					.update();
			}
		}
		this.jdbc.sql("UPDATE aggregate_version SET rebuild_required = FALSE WHERE id = 1").update();
		bumpVersion();
	}

	public boolean rebuildRequired() {
		return this.jdbc.sql("SELECT rebuild_required FROM aggregate_version WHERE id = 1")
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Asks for {@link #rebuildAll()} at the next opportunity (e.g. after a bulk load).
	 */
	public void requireRebuild() {
		this.jdbc.sql("UPDATE aggregate_version SET rebuild_required = TRUE WHERE id = 1").update();
	}

	/** Changes whenever an aggregate changes. */
	public long version() {
		return this.jdbc.sql("SELECT version FROM aggregate_version WHERE id = 1").query(Long.class).single();
	}

	private void bumpVersion() {
		this.jdbc.sql("UPDATE aggregate_version SET version = version + 1, updated_at = UTC_TIMESTAMP(6) WHERE id = 1")
			.update();
	}

	/**
	 * Deletes an enterprise's rows of a grain for the given periods and inserts them
	 * again; {@code days} are the day rows the insert may read.
	 */
	private void replace(AggregateTable table, long enterpriseId, String grain, Collection<LocalDate> periods,
			Collection<LocalDate> days, String insert) {
		this.jdbc
			.sql("DELETE FROM %s WHERE grain = :grain AND enterprise_id = :enterprise AND period_start IN (:periods)"
				.formatted(table.table()))
			.param("grain", grain)
			.param("enterprise", enterpriseId)
			.param("periods", periods)
			.update();
		this.jdbc.sql(insert).param("enterprise", enterpriseId).param("periods", periods).param("days", days).update();
	}

	private static Set<LocalDate> periods(Collection<LocalDate> days, Function<LocalDate, LocalDate> firstDay) {
		Set<LocalDate> periods = new TreeSet<>();
		days.forEach((day) -> periods.add(firstDay.apply(day)));
		return periods;
	}

	/** Every day of the given periods, each period given by its first day. */
	private static List<LocalDate> daysOf(Set<LocalDate> periods, Function<LocalDate, LocalDate> lastDay) {
		return periods.stream().flatMap((first) -> first.datesUntil(lastDay.apply(first).plusDays(1))).toList();
	}

}
