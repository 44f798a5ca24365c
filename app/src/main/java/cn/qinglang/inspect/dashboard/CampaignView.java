package cn.qinglang.inspect.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the campaign dashboard shows for one filter.
 *
 * @param figures the period's sums, for tables and exports
 * @param campaignStart marked on the trend charts
 */
public record CampaignView(DashboardFilter filter, List<Kpi> kpis, Figures figures, List<WeekPoint> weeks,
		List<CategoryRow> categories, List<ActionRow> actions, List<LeagueRow> league,
		List<JurisdictionRow> jurisdictions, FeedHealth feeds, LocalDate campaignStart) {

	/** Complaints by the campaign's four key categories. */
	public List<CategoryRow.CampaignRow> campaignRows() {
		return CategoryRow.byCampaign(this.categories);
	}

}
