package cn.qinglang.inspect.dashboard;

import java.time.Clock;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.qinglang.batch.aggregate.AggregateTable;
import cn.qinglang.inspect.enterprise.EnterpriseKind;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.system.Times;

/**
 * The sums behind every dashboard figure: an aggregate table's measures over a period, in
 * total or grouped, for the enterprises of the scope that pass the filter. The arithmetic
 * on them (rates, percentiles, scores) is done by the callers.
 */
@Repository
class DashboardQueries {

	/** Groups rows by the week (from Monday) they fall in. */
	static final String WEEK = "f.period_start - INTERVAL WEEKDAY(f.period_start) DAY";

	private final JdbcClient jdbc;

	private final Clock clock;

	DashboardQueries(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** The period's sums of the table's measures. */
	Sums total(Source source, AggregateTable table, EnterpriseScope scope, DashboardFilter filter, Period period) {
		return grouped(source, table, scope, filter, period, "'all'").getOrDefault("all", Sums.NONE);
	}

	/**
	 * The period's sums by a key over {@code f} (the table's rows) and {@code e} (the
	 * enterprise), in the key's order. Grouping by {@link #WEEK} reads rows of at most a
	 * week.
	 */
	Map<String, Sums> grouped(Source source, AggregateTable table, EnterpriseScope scope, DashboardFilter filter,
			Period period, String key) {
		Map<String, Object> params = scope.parameters();
		boolean oneEnterprise = filter.enterpriseId() != null || scope.enterpriseId() != null;
		String rows = source.rows(table, period, key.contains(WEEK), oneEnterprise, params);
		String sums = table.measures()
			.stream()
			.map((measure) -> "COALESCE(SUM(f.%1$s), 0) AS %1$s".formatted(measure))
			.collect(Collectors.joining(", "));
		String sql = """
				SELECT %s AS group_key, %s
				FROM %s f %s
				WHERE %s
				GROUP BY 1
				ORDER BY 1""".formatted(key, sums, rows, scope.join("f.enterprise_id"),
				filter.condition(table != null && table.keys().contains("content_type"), params));
		Map<String, Sums> result = new LinkedHashMap<>();
		this.jdbc.sql(sql).params(params).query((ResultSet rs) -> {
			result.put(rs.getString(1), sums(rs, table));
		});
		return result;
	}

	/**
	 * Rectification orders of the scope's filtered enterprises: open now, overdue now,
	 * and issued in the period.
	 */
	OrderCounts orders(EnterpriseScope scope, DashboardFilter filter, Period period, LocalDate today) {
		Map<String, Object> params = scope.parameters();
		params.put("today", today);
		// the period's days in the portal's zone, as the UTC times are stored
		params.put("issuedFrom", Times.startOfDay(period.from(), this.clock.getZone()));
		params.put("issuedUntil", Times.startOfDay(period.to().plusDays(1), this.clock.getZone()));
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(o.status <> 'CLOSED'), 0),
				  COALESCE(SUM(o.status <> 'CLOSED' AND o.deadline < :today), 0),
				  COALESCE(SUM(o.issued_at >= :issuedFrom AND o.issued_at < :issuedUntil), 0)
				FROM rectification_order o %s
				WHERE %s""".formatted(scope.join("o.enterprise_id"), filter.condition(false, params)))
			.params(params)
			.query((rs, row) -> new OrderCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	/**
	 * The enterprises the filter keeps inside the scope, by id, with their kind and
	 * place.
	 */
	Map<Long, EnterpriseInfo> enterprises(EnterpriseScope scope, DashboardFilter filter) {
		Map<String, Object> params = scope.parameters();
		Map<Long, EnterpriseInfo> result = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT e.id, e.code, e.name_zh, e.name_en, e.kind, j.code, j.name_zh, j.name_en
				FROM %s
				WHERE %s ORDER BY e.name_zh""".formatted(scope.from(), filter.condition(false, params)))
			.params(params)
			.query((ResultSet rs) -> {
				result.put(rs.getLong(1),
						new EnterpriseInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
								EnterpriseKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
								rs.getString(8)));
			});
		return result;
	}

	private static Sums sums(ResultSet rs, AggregateTable table) throws SQLException {
		Map<String, BigDecimal> values = new HashMap<>();
		for (String measure : table.measures()) {
			values.put(measure, rs.getBigDecimal(measure));
		}
		return new Sums(values);
	}

	/** Orders open and overdue today, and issued in the period. */
	record OrderCounts(long open, long overdue, long issued) {
	}

}
