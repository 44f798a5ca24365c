package cn.qinglang.inspect.dashboard;

import java.time.LocalDate;
import java.util.List;

import cn.qinglang.inspect.feed.DataFreshness.FeedAge;

/**
 * One enterprise's dashboard: its KPIs, its score against its peers (aggregates only),
 * its trends and breakdowns, and its feed's age.
 */
public record EnterpriseView(EnterpriseInfo enterprise, DashboardFilter filter, List<Kpi> kpis, Double score,
		PeerComparison peers, List<WeekPoint> weeks, List<CategoryRow> categories, List<ActionRow> actions,
		FeedAge feed, LocalDate campaignStart) {

	/** Complaints by the campaign's four key categories. */
	public List<CategoryRow.CampaignRow> campaignRows() {
		return CategoryRow.byCampaign(this.categories);
	}

}
