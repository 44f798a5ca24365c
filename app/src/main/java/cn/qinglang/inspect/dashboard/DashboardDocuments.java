package cn.qinglang.inspect.dashboard;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.qinglang.batch.records.PlatformInterface.EnforcementActor;
import cn.qinglang.inspect.report.ReportLine;
import cn.qinglang.reports.charts.BarChart;
import cn.qinglang.reports.charts.LineChart;
import cn.qinglang.reports.charts.Series;

/**
 * A dashboard's numbers as the lines of an office document, in Chinese: the KPI table,
 * charts, the breakdowns, the jurisdictions and the league table. The dashboard export
 * prints them under its own headings; the bulletin places them among its sections.
 */
@Component
public class DashboardDocuments {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	DashboardDocuments(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The headings each part is printed under; a null heading leaves its part out.
	 */
	public record Headings(String kpis, String charts, String breakdowns, String league, String weeks) {
	}

	public List<ReportLine> lines(DashboardSnapshot snapshot, Headings headings) {
		List<ReportLine> lines = new ArrayList<>();
		if (headings.kpis() != null) {
			kpis(lines, headings.kpis(), snapshot.kpis());
			if (snapshot.peers() != null) {
				peers(lines, headings.kpis(), snapshot);
			}
		}
		if (headings.charts() != null) {
			charts(lines, headings.charts(), snapshot);
		}
		if (headings.breakdowns() != null) {
			breakdowns(lines, headings.breakdowns(), snapshot);
		}
		if (headings.league() != null && !snapshot.league().isEmpty()) {
			league(lines, headings.league(), snapshot);
		}
		if (headings.weeks() != null) {
			weeks(lines, headings.weeks(), snapshot.weeks());
		}
		return lines;
	}

	private void kpis(List<ReportLine> lines, String section, List<Kpi> kpis) {
		List<String> headings = List.of(label("dashboard.kpi"), label("dashboard.value"), label("dashboard.previous"),
				label("dashboard.change"), "");
		for (Kpi kpi : kpis) {
			String change = kpi.formattedChange();
			// the change's unit in a column of its own: "个百分点" does not fit beside the
			// number
			lines.add(ReportLine.row(section, ReportLine.Table.GRID, headings,
					List.of(label("dashboard.kpi." + kpi.code()), withUnit(kpi, kpi.formatted()),
							withUnit(kpi, kpi.formattedPrevious()), change.isEmpty() ? "—" : change,
							change.isEmpty() ? "" : label("dashboard.changeUnit." + kpi.unit()))));
		}
	}

	/**
	 * An enterprise beside the means of its peers of the same kind, and its rank: no peer
	 * is named.
	 */
	private void peers(List<ReportLine> lines, String section, DashboardSnapshot snapshot) {
		PeerComparison peers = snapshot.peers();
		List<String> headings = List.of(label("dashboard.peers"), label("report.statistics.own"),
				label("report.statistics.peerMean"));
		lines.add(ReportLine.row(section, ReportLine.Table.GRID, headings,
				List.of(label("dashboard.score"), decimal(snapshot.score()), decimal(peers.meanScore()))));
		lines.add(ReportLine.row(section, ReportLine.Table.GRID, headings, List.of(label("dashboard.rank"),
				(peers.rank() != null) ? peers.rank() + " / " + peers.scoredPeers() : "—", "")));
		lines.add(ReportLine.row(section, ReportLine.Table.GRID, headings,
				List.of(label("dashboard.percentile"),
						(peers.percentile() != null) ? this.messages.getMessage("dashboard.percentileText",
								new Object[] { String.format(Locale.ROOT, "%.0f", peers.percentile()) }, CHINESE) : "—",
						"")));
		Map<String, Double> own = snapshot.kpis()
			.stream()
			.filter((kpi) -> kpi.value() != null)
			.collect(Collectors.toMap(Kpi::code, Kpi::value));
		List<PeerRate> rates = List.of(new PeerRate("explicitRate", peers.meanExplicitRate()),
				new PeerRate("implicitRate", peers.meanImplicitRate()),
				new PeerRate("verificationRate", peers.meanVerificationRate()),
				new PeerRate("handledInTime", peers.meanHandledInTime()));
		for (PeerRate rate : rates) {
			lines.add(ReportLine.row(section, ReportLine.Table.GRID, headings, List
				.of(label("dashboard.kpi." + rate.kpi()), percent(own.get(rate.kpi())), percent(rate.peerMean()))));
		}
	}

	/** A KPI's code and the peers' mean of it. */
	private record PeerRate(String kpi, Double peerMean) {
	}

	private void charts(List<ReportLine> lines, String section, DashboardSnapshot snapshot) {
		List<WeekPoint> weeks = snapshot.weeks();
		List<String> points = weeks.stream().map((week) -> week.week().toString()).toList();
		int mark = points.indexOf(snapshot.campaignStart().with(DayOfWeek.MONDAY).toString());
		lines.add(ReportLine.chart(section, label("report.statistics.rateTrend"),
				new LineChart(points,
						List.of(rateSeries("dashboard.kpi.explicitRate", weeks, WeekPoint::explicitRate),
								rateSeries("dashboard.kpi.implicitRate", weeks, WeekPoint::implicitRate),
								rateSeries("dashboard.kpi.verificationRate", weeks, WeekPoint::verificationRate)),
						mark, label("dashboard.campaignStart"))));
		List<CategoryRow.CampaignRow> campaign = CategoryRow.byCampaign(snapshot.categories());
		lines.add(
				ReportLine
					.chart(section, label("report.statistics.campaignComplaints"),
							new BarChart(
									campaign.stream().map((row) -> label("feed.campaign." + row.category())).toList(),
									List.of(new Series(label("dashboard.kpi.complaintsReceived"),
											campaign.stream().map((row) -> (double) row.received()).toList())),
									false)));
		List<ActionRow> actions = snapshot.actions();
		List<Series> byActor = Arrays.stream(EnforcementActor.values())
			.map((actor) -> new Series(label("dashboard.actor." + actor),
					actions.stream().map((row) -> (row.actor() == actor) ? (double) row.items() : 0.0).toList()))
			.toList();
		lines.add(ReportLine.chart(section, label("report.statistics.actionsByType"), new BarChart(
				actions.stream().map((row) -> label("dashboard.actionType." + row.type())).toList(), byActor, true)));
	}

	private void breakdowns(List<ReportLine> lines, String section, DashboardSnapshot snapshot) {
		List<String> categories = List.of(label("dashboard.categories"), label("dashboard.kpi.complaintsReceived"),
				label("dashboard.kpi.complaintsHandled"));
		for (CategoryRow row : snapshot.categories()) {
			lines.add(ReportLine.row(section, ReportLine.Table.GRID, categories, List
				.of(label("dashboard.category." + row.category()), count(row.received()), count(row.handled()))));
		}
		List<String> actions = List.of(label("dashboard.actions"), label("dashboard.records"), label("dashboard.items"),
				label("dashboard.amount"));
		for (ActionRow row : snapshot.actions()) {
			lines.add(ReportLine.row(section, ReportLine.Table.GRID, actions,
					List.of(label("dashboard.actionType." + row.type()) + "（" + label("dashboard.actor." + row.actor())
							+ "）", count(row.records()), count(row.items()),
							String.format(Locale.ROOT, "%,.2f", row.amount()))));
		}
		if (!snapshot.jurisdictions().isEmpty()) {
			List<String> places = List.of(label("dashboard.jurisdictions"), label("dashboard.enterprises"),
					label("dashboard.meanScore"), label("dashboard.laggards"));
			for (JurisdictionRow row : snapshot.jurisdictions()) {
				lines.add(ReportLine.row(section, ReportLine.Table.GRID, places, List.of(row.nameZh(),
						count(row.enterprises()), decimal(row.meanScore()), count(row.laggards()))));
			}
		}
	}

	private void league(List<ReportLine> lines, String section, DashboardSnapshot snapshot) {
		List<String> headings = List.of(label("dashboard.rank"), label("dashboard.enterprise"),
				label("dashboard.jurisdiction"), label("report.statistics.score"), label("report.statistics.explicit"),
				label("report.statistics.implicit"), label("report.statistics.verification"),
				label("report.statistics.complaints"), label("report.statistics.inTime"));
		for (DashboardSnapshot.LeagueEntry row : snapshot.league()) {
			lines.add(ReportLine.row(section, ReportLine.Table.LEAGUE, headings,
					List.of((row.rank() > 0) ? String.valueOf(row.rank()) : "—",
							row.laggard() ? row.nameZh() + label("report.statistics.laggardMark") : row.nameZh(),
							row.jurisdictionZh(), decimal(row.score()), percent(row.explicitRate()),
							percent(row.implicitRate()), percent(row.verificationRate()),
							count(row.complaintsReceived()), percent(row.handledInTimeShare()))));
		}
		lines.add(ReportLine.note(section, this.messages.getMessage("dashboard.scoreFormula",
				new Object[] { snapshot.limitHours(), decimal(snapshot.laggardScore()) }, CHINESE)));
	}

	private void weeks(List<ReportLine> lines, String section, List<WeekPoint> weeks) {
		List<String> headings = List.of(label("dashboard.week"), label("report.statistics.explicit"),
				label("report.statistics.implicit"), label("report.statistics.verification"),
				label("dashboard.kpi.complaintsReceived"), label("dashboard.kpi.complaintsHandled"));
		for (WeekPoint week : weeks) {
			lines.add(ReportLine.row(section, ReportLine.Table.GRID, headings,
					List.of(week.week().toString(), percent(week.explicitRate()), percent(week.implicitRate()),
							percent(week.verificationRate()), count(week.complaintsReceived()),
							count(week.complaintsHandled()))));
		}
	}

	private Series rateSeries(String code, List<WeekPoint> weeks, Function<WeekPoint, Double> rate) {
		return new Series(label(code), weeks.stream().map((week) -> Rounded.percent(rate.apply(week))).toList());
	}

	private String withUnit(Kpi kpi, String formatted) {
		if ("—".equals(formatted)) {
			return formatted;
		}
		return switch (kpi.unit()) {
			case HOURS -> formatted + " " + label("dashboard.unit.HOURS");
			case MONEY -> formatted + " " + label("dashboard.unit.MONEY");
			default -> formatted;
		};
	}

	private static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	private static String percent(Double rate) {
		return (rate != null) ? String.format(Locale.ROOT, "%.1f%%", rate * 100) : "—";
	}

	private static String decimal(Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.1f", value) : "—";
	}

	private String label(String code) {
		return this.messages.getMessage(code, null, CHINESE);
	}

}
