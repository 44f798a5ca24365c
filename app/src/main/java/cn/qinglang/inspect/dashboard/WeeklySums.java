package cn.qinglang.inspect.dashboard;

import java.util.HashMap;
import java.util.Map;

/**
 * An aggregate table's sums over a period by enterprise and week: a view's league rows,
 * their trends, its chart by week and its period total all come from these, so that one
 * query reads the period's rows once instead of once for each.
 */
final class WeeklySums {

	/** The grouping key of the query: the enterprise's id and the week's Monday. */
	static final String KEY = "CONCAT(f.enterprise_id, '|', " + DashboardQueries.WEEK + ")";

	private final Map<String, Sums> byEnterpriseWeek;

	private final Map<String, Sums> byEnterprise = new HashMap<>();

	private final Map<String, Sums> byWeek = new HashMap<>();

	private Sums total = Sums.NONE;

	/**
	 * @param byEnterpriseWeek the sums grouped by {@link #KEY}
	 */
	WeeklySums(Map<String, Sums> byEnterpriseWeek) {
		this.byEnterpriseWeek = byEnterpriseWeek;
		byEnterpriseWeek.forEach((key, sums) -> {
			int bar = key.indexOf('|');
			this.byEnterprise.merge(key.substring(0, bar), sums, Sums::plus);
			this.byWeek.merge(key.substring(bar + 1), sums, Sums::plus);
			this.total = this.total.plus(sums);
		});
	}

	/** The period's sums. */
	Sums total() {
		return this.total;
	}

	/** The period's sums of one enterprise. */
	Sums ofEnterprise(long enterpriseId) {
		return this.byEnterprise.getOrDefault(String.valueOf(enterpriseId), Sums.NONE);
	}

	/** A week's sums, the week given by its Monday ({@code yyyy-MM-dd}). */
	Sums ofWeek(String week) {
		return this.byWeek.getOrDefault(week, Sums.NONE);
	}

	/** One enterprise's sums of a week. */
	Sums of(long enterpriseId, String week) {
		return this.byEnterpriseWeek.getOrDefault(enterpriseId + "|" + week, Sums.NONE);
	}

}
