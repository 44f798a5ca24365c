package cn.qinglang.inspect.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * One enterprise's dashboard: its KPIs, its score against its peers (aggregates only),
 * its trends and breakdowns. Its findings, orders and feed freshness are read per
 * request.
 */
public record EnterpriseView(EnterpriseInfo enterprise, DashboardFilter filter, List<Kpi> kpis, Double score,
		PeerComparison peers, List<WeekPoint> weeks, List<CategoryRow> categories, List<ActionRow> actions,
		LocalDate campaignStart) {

	/** Complaints by the campaign's four key categories. */
	public List<CategoryRow.CampaignRow> campaignRows() {
		return CategoryRow.byCampaign(this.categories);
	}

}
