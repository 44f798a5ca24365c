package cn.qinglang.inspect.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * The numbers of a dashboard view as plain values, for a document to print: a bulletin
 * keeps it as JSON, frozen with the rest of its content, and the dashboard export prints
 * the current one. Portal links are left out.
 *
 * @param league empty for an enterprise's view
 * @param jurisdictions empty for an enterprise's view
 * @param score an enterprise's own score, null for a campaign view
 * @param peers an enterprise against its peers (aggregates only), null for a campaign
 * view
 */
public record DashboardSnapshot(LocalDate from, LocalDate to, LocalDate campaignStart, int limitHours,
		double laggardScore, List<Kpi> kpis, List<WeekPoint> weeks, List<CategoryRow> categories,
		List<ActionRow> actions, List<LeagueEntry> league, List<JurisdictionRow> jurisdictions, Double score,
		PeerComparison peers) {

	public static DashboardSnapshot of(CampaignView view, DashboardProperties properties) {
		return new DashboardSnapshot(view.filter().period().from(), view.filter().period().to(), view.campaignStart(),
				properties.handlingLimitHours(), properties.laggardScore(), withoutLinks(view.kpis()), view.weeks(),
				view.categories(), view.actions(), view.league().stream().map(LeagueEntry::of).toList(),
				view.jurisdictions(), null, null);
	}

	public static DashboardSnapshot of(EnterpriseView view, DashboardProperties properties) {
		return new DashboardSnapshot(view.filter().period().from(), view.filter().period().to(), view.campaignStart(),
				properties.handlingLimitHours(), properties.laggardScore(), withoutLinks(view.kpis()), view.weeks(),
				view.categories(), view.actions(), List.of(), List.of(), view.score(), view.peers());
	}

	/**
	 * The same numbers with the league table's enterprises unnamed, for an anonymised
	 * bulletin: the placeholder in each language stands for every name.
	 */
	public DashboardSnapshot withoutEnterpriseNames(String placeholderZh, String placeholderEn) {
		return new DashboardSnapshot(this.from, this.to, this.campaignStart, this.limitHours, this.laggardScore,
				this.kpis, this.weeks, this.categories, this.actions,
				this.league.stream()
					.map((row) -> new LeagueEntry(row.rank(), placeholderZh, placeholderEn, row.jurisdictionZh(),
							row.jurisdictionEn(), row.score(), row.explicitRate(), row.implicitRate(),
							row.verificationRate(), row.complaintsReceived(), row.handledInTimeShare(), row.laggard()))
					.toList(),
				this.jurisdictions, this.score, this.peers);
	}

	private static List<Kpi> withoutLinks(List<Kpi> kpis) {
		return kpis.stream().map((kpi) -> new Kpi(kpi.code(), kpi.unit(), kpi.value(), kpi.previous(), null)).toList();
	}

	/** An enterprise's row of the league table, as printed. */
	public record LeagueEntry(int rank, String nameZh, String nameEn, String jurisdictionZh, String jurisdictionEn,
			Double score, Double explicitRate, Double implicitRate, Double verificationRate, long complaintsReceived,
			Double handledInTimeShare, boolean laggard) {

		static LeagueEntry of(LeagueRow row) {
			EnterpriseInfo enterprise = row.enterprise();
			Figures figures = row.figures();
			return new LeagueEntry(row.rank(), enterprise.nameZh(), enterprise.nameEn(), enterprise.jurisdictionZh(),
					enterprise.jurisdictionEn(), row.score(), figures.explicitRate(), figures.implicitRate(),
					figures.verificationRate(), figures.complaintsReceived(), figures.handledInTimeShare(),
					row.laggard());
		}

	}

}
