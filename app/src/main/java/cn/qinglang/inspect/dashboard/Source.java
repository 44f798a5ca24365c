package cn.qinglang.inspect.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.qinglang.batch.aggregate.AggregateTable;

/**
 * Where the dashboard's sums come from: the aggregates (what every page reads) or the raw
 * records (what the benchmark compares them with, and what tests check them against).
 * Either way the rows have the shape of the aggregate table, so the same queries run on
 * both.
 */
enum Source {

	AGGREGATES {
		@Override
		String rows(AggregateTable table, Period period, boolean byWeek, boolean oneEnterprise, List<String> rollUp,
				Map<String, Object> params) {
			params.put("rollUp", rollUp);
			Period.Slices slices = byWeek ? period.weekSlices() : period.slices();
			List<String> parts = new ArrayList<>();
			addPart(parts, params, table, "M", slices.months());
			addPart(parts, params, table, "W", slices.weeks());
			addPart(parts, params, table, "D", slices.days());
			// Left to itself MariaDB starts from the enterprises and reads each one's
			// rows
			// of every period through the enterprise index (2.9 million index entries for
			// 74,000 wanted ones at national scale): the period's ranges of the primary
			// key are what to read, unless the view is of one enterprise.
			String index = oneEnterprise ? table.table() + "_enterprise_ix" : "PRIMARY";
			return "(SELECT a.* FROM %s a FORCE INDEX (%s) WHERE %s)".formatted(table.table(), index,
					parts.isEmpty() ? "FALSE" : String.join(" OR ", parts));
		}

		private void addPart(List<String> parts, Map<String, Object> params, AggregateTable table, String grain,
				List<?> starts) {
			if (!starts.isEmpty()) {
				parts.add("(a.grain = '%1$s' AND a.%2$s IN (:rollUp) AND a.period_start IN (:slice%1$s))"
					.formatted(grain, table.rollUpKey()));
				params.put("slice" + grain, starts);
			}
		}
	},

	RAW {
		@Override
		String rows(AggregateTable table, Period period, boolean byWeek, boolean oneEnterprise, List<String> rollUp,
				Map<String, Object> params) {
			params.put("rawFrom", period.from());
			params.put("rawTo", period.to());
			return "(%s)".formatted(table.rawDaily("x.%s BETWEEN :rawFrom AND :rawTo".formatted(table.rawDay())));
		}
	};

	/**
	 * A derived table of rows shaped like the aggregate table's that together hold the
	 * period's sums; with {@code byWeek} no row spans more than one week;
	 * {@code oneEnterprise} tells that the caller keeps a single enterprise's rows;
	 * {@code rollUp} are the values of the table's rolled-up key to read
	 * ({@link AggregateTable#rollUpRows}; the raw records have no rolled-up rows).
	 */
	abstract String rows(AggregateTable table, Period period, boolean byWeek, boolean oneEnterprise,
			List<String> rollUp, Map<String, Object> params);

}
