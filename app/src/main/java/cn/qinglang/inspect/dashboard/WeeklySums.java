package cn.qinglang.inspect.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An aggregate table's counts over a period by enterprise and week: a view's league rows,
 * their trends, its chart by week and its period total all come from these, so that one
 * query reads the period's rows once instead of once for each. Kept as arrays of counts
 * (a 12-month view of 150 enterprises has some 8,000 of them) and added up here.
 */
final class WeeklySums {

	private final List<String> measures;

	private final Map<String, long[]> byEnterpriseWeek;

	private final Map<String, long[]> byEnterprise = new HashMap<>();

	private final Map<String, long[]> byWeek = new HashMap<>();

	private final long[] total;

	/**
	 * @param measures the measures' names, in the order of the counts
	 * @param byEnterpriseWeek the counts by enterprise and week, keyed
	 * {@code id|yyyy-MM-dd} (the week's Monday)
	 */
	WeeklySums(List<String> measures, Map<String, long[]> byEnterpriseWeek) {
		this.measures = measures;
		this.byEnterpriseWeek = byEnterpriseWeek;
		this.total = new long[measures.size()];
		byEnterpriseWeek.forEach((key, counts) -> {
			int bar = key.indexOf('|');
			add(this.byEnterprise.computeIfAbsent(key.substring(0, bar), (enterprise) -> new long[counts.length]),
					counts);
			add(this.byWeek.computeIfAbsent(key.substring(bar + 1), (week) -> new long[counts.length]), counts);
			add(this.total, counts);
		});
	}

	/** Adds the counts to the sums, measure by measure. */
	static void add(long[] sums, long[] counts) {
		for (int i = 0; i < counts.length; i++) {
			sums[i] += counts[i];
		}
	}

	/** The period's sums. */
	Sums total() {
		return Sums.ofCounts(this.measures, this.total);
	}

	/** The period's sums of one enterprise. */
	Sums ofEnterprise(long enterpriseId) {
		return sums(this.byEnterprise.get(String.valueOf(enterpriseId)));
	}

	/** A week's sums, the week given by its Monday ({@code yyyy-MM-dd}). */
	Sums ofWeek(String week) {
		return sums(this.byWeek.get(week));
	}

	/** One enterprise's sums of a week. */
	Sums of(long enterpriseId, String week) {
		return sums(this.byEnterpriseWeek.get(enterpriseId + "|" + week));
	}

	private Sums sums(long[] counts) {
		return (counts != null) ? Sums.ofCounts(this.measures, counts) : Sums.NONE;
	}

}
