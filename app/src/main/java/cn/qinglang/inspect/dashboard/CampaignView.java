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

	/**
	 * This view under the request's own filter: a cached view keeps the refused
	 * parameters of the request that computed it, which another request need not share.
	 */
	CampaignView withFilter(DashboardFilter requested) {
		return requested.equals(this.filter) ? this : new CampaignView(requested, this.kpis, this.figures, this.weeks,
				this.categories, this.actions, this.league, this.jurisdictions, this.feeds, this.campaignStart);
	}

	/** Complaints by the campaign's four key categories. */
	public List<CategoryRow.CampaignRow> campaignRows() {
		return CategoryRow.byCampaign(this.categories);
	}

}
