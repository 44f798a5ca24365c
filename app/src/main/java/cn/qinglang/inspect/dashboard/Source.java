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
public enum Source {

	AGGREGATES {
		@Override
		String rows(AggregateTable table, Period period, boolean byWeek, Map<String, Object> params) {
			Period.Slices slices = byWeek ? period.weekSlices() : period.slices();
			List<String> parts = new ArrayList<>();
			addPart(parts, params, "M", slices.months());
			addPart(parts, params, "W", slices.weeks());
			addPart(parts, params, "D", slices.days());
			return "(SELECT a.* FROM %s a WHERE %s)".formatted(table.table(),
					parts.isEmpty() ? "FALSE" : String.join(" OR ", parts));
		}

		private void addPart(List<String> parts, Map<String, Object> params, String grain, List<?> starts) {
			if (!starts.isEmpty()) {
				parts.add("(a.grain = '%1$s' AND a.period_start IN (:slice%1$s))".formatted(grain));
				params.put("slice" + grain, starts);
			}
		}
	},

	RAW {
		@Override
		String rows(AggregateTable table, Period period, boolean byWeek, Map<String, Object> params) {
			params.put("rawFrom", period.from());
			params.put("rawTo", period.to());
			return "(%s)".formatted(table.rawDaily("x.%s BETWEEN :rawFrom AND :rawTo".formatted(table.rawDay())));
		}
	};

	/**
	 * A derived table of rows shaped like the aggregate table's that together hold the
	 * period's sums; with {@code byWeek} no row spans more than one week.
	 */
	abstract String rows(AggregateTable table, Period period, boolean byWeek, Map<String, Object> params);

}
