package cn.qinglang.inspect.dashboard;

import java.time.LocalDate;

import cn.qinglang.inspect.enterprise.EnterpriseScope;

/**
 * The campaign dashboard computed without the cache, for the tests and the benchmark
 * only: from the raw records (to compare with the aggregates), or from the aggregates
 * (what a view costs the first time).
 */
public final class DashboardComputations {

	private DashboardComputations() {
	}

	public static CampaignView fromRawRecords(DashboardService dashboards, EnterpriseScope scope,
			DashboardFilter filter, LocalDate today) {
		return dashboards.computeCampaign(Source.RAW, scope, filter, today);
	}

	public static CampaignView uncached(DashboardService dashboards, EnterpriseScope scope, DashboardFilter filter,
			LocalDate today) {
		return dashboards.computeCampaign(Source.AGGREGATES, scope, filter, today);
	}

}
