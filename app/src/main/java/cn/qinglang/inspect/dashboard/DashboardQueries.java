package cn.qinglang.inspect.dashboard;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.qinglang.batch.aggregate.AggregateTable;
import cn.qinglang.inspect.enterprise.EnterpriseScope;

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

	DashboardQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The period's sums of the table's measures. */
	Sums total(Source source, AggregateTable table, EnterpriseScope scope, DashboardFilter filter, Period period) {
		return grouped(source, table, scope, filter, period, "'all'").getOrDefault("all", Sums.NONE);
	}

	/**
	 * The period's sums by a key over {@code f} (the table's rows) and {@code e} (the
	 * enterprise), in the key's order. Grouping by {@link #WEEK} reads rows of at most a
	 * week. Only a key that names the table's rolled-up key ({@code f.content_type},
	 * {@code f.category} of the actions) reads the rows of its values, and a content type
	 * filtered on those of that type: any other reads the rows that sum them.
	 */
	Map<String, Sums> grouped(Source source, AggregateTable table, EnterpriseScope scope, DashboardFilter filter,
			Period period, String key) {
		Map<String, Object> params = scope.parameters();
		String rows = rows(source, table, scope, filter, period, key.contains(WEEK),
				key.contains("f." + table.rollUpKey()), params);
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
				filter.condition(table.keys().contains("content_type"), params));
		Map<String, Sums> result = new LinkedHashMap<>();
		this.jdbc.sql(sql).params(params).query((ResultSet rs) -> {
			result.put(rs.getString(1), sums(rs, table));
		});
		return result;
	}

	/**
	 * The period's counts by enterprise and week ({@link WeeklySums}), of a table whose
	 * measures are counts. Added up here from the rows rather than by a GROUP BY: nearly
	 * every row is a group of its own (one per enterprise and week, and a few day rows at
	 * the period's ends), which MariaDB paid for in a temporary table keyed by a string,
	 * several times the cost of reading the rows.
	 */
	WeeklySums byEnterpriseWeek(Source source, AggregateTable table, EnterpriseScope scope, DashboardFilter filter,
			Period period) {
		Map<String, Object> params = scope.parameters();
		String rows = rows(source, table, scope, filter, period, true, false, params);
		List<String> measures = table.measures();
		String sql = """
				SELECT f.enterprise_id, %s AS week, %s
				FROM %s f %s
				WHERE %s""".formatted(WEEK,
				measures.stream().map((measure) -> "f." + measure).collect(Collectors.joining(", ")), rows,
				scope.join("f.enterprise_id"), filter.condition(table.keys().contains("content_type"), params));
		WeeklySums sums = new WeeklySums(measures);
		long[] row = new long[measures.size()];
		this.jdbc.sql(sql).params(params).query((ResultSet rs) -> {
			for (int i = 0; i < row.length; i++) {
				row[i] = rs.getLong(i + 3);
			}
			sums.add(rs.getLong(1), rs.getString(2), row);
		});
		return sums;
	}

	/**
	 * The derived table of the period's rows ({@link Source#rows}) that the scope and
	 * filter read: of one enterprise through its index, and of the rolled-up key's values
	 * that the query needs.
	 */
	private static String rows(Source source, AggregateTable table, EnterpriseScope scope, DashboardFilter filter,
			Period period, boolean byWeek, boolean groupedByRollUpKey, Map<String, Object> params) {
		boolean oneEnterprise = filter.enterpriseId() != null || scope.enterpriseId() != null;
		return source.rows(table, period, byWeek, oneEnterprise,
				table.rollUpRows(groupedByRollUpKey, filter.contentType()), params);
	}

	private static Sums sums(ResultSet rs, AggregateTable table) throws SQLException {
		Map<String, BigDecimal> values = new HashMap<>();
		for (String measure : table.measures()) {
			values.put(measure, rs.getBigDecimal(measure));
		}
		return new Sums(values);
	}

	/** Orders open and overdue today, and issued in the period. */

}
