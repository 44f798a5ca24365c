package cn.qinglang.inspect.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * One enterprise's dashboard: its KPIs, its score against its peers (aggregates only),
 * its trends and breakdowns. Its findings, orders and feed freshness are read per
 * request.
 */
record EnterpriseView(EnterpriseInfo enterprise, DashboardFilter filter, List<Kpi> kpis, Double score,
		PeerComparison peers, List<WeekPoint> weeks, List<CategoryRow> categories, List<ActionRow> actions,
		LocalDate campaignStart) {

	/**
	 * This view under the request's own filter: a cached view keeps the refused
	 * parameters of the request that computed it, which another request need not share.
	 */
	EnterpriseView withFilter(DashboardFilter requested) {
		return requested.equals(this.filter) ? this : new EnterpriseView(this.enterprise, requested, this.kpis,
				this.score, this.peers, this.weeks, this.categories, this.actions, this.campaignStart);
	}

	/** Complaints by the campaign's four key categories. */
	public List<CategoryRow.CampaignRow> campaignRows() {
		return CategoryRow.byCampaign(this.categories);
	}

}
