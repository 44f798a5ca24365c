package cn.qinglang.inspect.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An aggregate table's counts over a period by enterprise and week: a view's league rows,
 * their trends, its chart by week and its period total all come from these, so that one
 * query reads the period's rows once instead of once for each. Kept as arrays of counts
 * (a 12-month view of 150 enterprises has some 8,000 of them), added up as the rows are
 * read.
 */
final class WeeklySums {

	private final Sums.Measures measures;

	private final Map<Long, Map<String, long[]>> byEnterpriseWeek = new HashMap<>();

	private final Map<Long, long[]> byEnterprise = new HashMap<>();

	private final Map<String, long[]> byWeek = new HashMap<>();

	private final long[] total;

	/**
	 * @param measures the measures' names, in the order of the counts
	 */
	WeeklySums(List<String> measures) {
		this.measures = new Sums.Measures(measures);
		this.total = new long[measures.size()];
	}

	/**
	 * Adds a row's counts.
	 * @param week the week's Monday ({@code yyyy-MM-dd})
	 * @param counts the row's counts, in the order of the measures (not kept)
	 */
	void add(long enterpriseId, String week, long[] counts) {
		int size = this.total.length;
		add(this.byEnterpriseWeek.computeIfAbsent(enterpriseId, (id) -> new HashMap<>())
			.computeIfAbsent(week, (monday) -> new long[size]), counts);
		add(this.byEnterprise.computeIfAbsent(enterpriseId, (id) -> new long[size]), counts);
		add(this.byWeek.computeIfAbsent(week, (monday) -> new long[size]), counts);
		add(this.total, counts);
	}

	/** Adds the counts to the sums, measure by measure. */
	private static void add(long[] sums, long[] counts) {
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
		return sums(this.byEnterprise.get(enterpriseId));
	}

	/** A week's sums, the week given by its Monday ({@code yyyy-MM-dd}). */
	Sums ofWeek(String week) {
		return sums(this.byWeek.get(week));
	}

	/** One enterprise's sums of a week. */
	Sums of(long enterpriseId, String week) {
		Map<String, long[]> weeks = this.byEnterpriseWeek.get(enterpriseId);
		return sums((weeks != null) ? weeks.get(week) : null);
	}

	private Sums sums(long[] counts) {
		return (counts != null) ? Sums.ofCounts(this.measures, counts) : Sums.NONE;
	}

}
