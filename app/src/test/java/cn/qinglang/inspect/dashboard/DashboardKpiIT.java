package cn.qinglang.inspect.dashboard;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.batch.aggregate.AggregateTable;

import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.support.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The KPI arithmetic against values computed by hand from {@link KnownDataSet}: rates,
 * percentiles from the handling-time buckets, the previous period, empty periods and zero
 * denominators, combined filters, the league table, and the same figures from the raw
 * records.
 */
@PortalTest
@KnownData
class DashboardKpiIT {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	@Autowired
	DashboardService dashboards;

	@Autowired
	JdbcClient jdbc;

	@Test
	void kpisOfAnEnterpriseMatchTheHandComputedValues() {
		Map<String, Kpi> kpis = kpis(view("enterprise=" + KnownDataSet.PLATFORM));

		assertThat(kpis.get("explicitRate").value()).isCloseTo(0.90, within(1e-9));
		assertThat(kpis.get("implicitRate").value()).isCloseTo(0.75, within(1e-9));
		assertThat(kpis.get("verificationRate").value()).isCloseTo(0.60, within(1e-9));
		assertThat(kpis.get("detectedShare").value()).isCloseTo(0.15, within(1e-9));
		assertThat(kpis.get("appealsFiled").value()).isEqualTo(10);
		assertThat(kpis.get("appealsUpheldRate").value()).isCloseTo(0.40, within(1e-9));
		assertThat(kpis.get("tampering").value()).isEqualTo(3);
		assertThat(kpis.get("complaintsReceived").value()).isEqualTo(4);
		assertThat(kpis.get("complaintsHandled").value()).isEqualTo(3);
		// buckets: 1 in (0, 1 h], 1 in (8, 12 h], 1 in (24, 48 h]; the median is halfway
		// through the second, the 90th percentile 70 % through the third
		assertThat(kpis.get("medianHandling").value()).isCloseTo(10.0, within(1e-9));
		assertThat(kpis.get("p90Handling").value()).isCloseTo(40.8, within(1e-9));
		// within 24 h: 2 of the 4 received (the open one counts against)
		assertThat(kpis.get("handledInTime").value()).isCloseTo(0.5, within(1e-9));
		assertThat(kpis.get("actionsPLATFORM").value()).isEqualTo(5);
		assertThat(kpis.get("actionsREGULATOR").value()).isEqualTo(1);
		assertThat(kpis.get("fines").value()).isEqualTo(20000.0);
	}

	@Test
	void changeIsAgainstThePreviousPeriodOfEqualLength() {
		CampaignView view = view("enterprise=" + KnownDataSet.PLATFORM);
		Kpi explicit = kpis(view).get("explicitRate");

		assertThat(view.filter().period().previous())
			.isEqualTo(new Period(LocalDate.of(2025, 9, 22), LocalDate.of(2025, 10, 5)));
		assertThat(explicit.previous()).isCloseTo(0.5, within(1e-9));
		assertThat(explicit.change()).isCloseTo(40.0, within(1e-9));
		assertThat(explicit.formattedChange()).isEqualTo("+40.0");
		assertThat(explicit.improved()).isTrue();
		// no complaints before: a change from zero is no percentage
		assertThat(kpis(view).get("complaintsReceived").change()).isNull();
	}

	@Test
	void emptyPeriodHasNoRatesAndZeroCounts() {
		CampaignView view = this.dashboards.campaign(EnterpriseScope.everything(),
				filter("preset=CUSTOM&from=2025-11-03&to=2025-11-09&enterprise=" + KnownDataSet.PLATFORM), TODAY);
		Map<String, Kpi> kpis = kpis(view);

		assertThat(kpis.get("explicitRate").value()).isNull();
		assertThat(kpis.get("explicitRate").formatted()).isEqualTo("—");
		assertThat(kpis.get("medianHandling").value()).isNull();
		assertThat(kpis.get("handledInTime").value()).isNull();
		assertThat(kpis.get("complaintsReceived").value()).isZero();
		assertThat(view.league()).singleElement().satisfies((row) -> {
			assertThat(row.score()).isNull();
			assertThat(row.rank()).isZero();
		});
	}

	@Test
	void zeroDenominatorsGiveNoRateRatherThanZero() {
		CampaignView view = view("enterprise=" + KnownDataSet.PROVIDER);
		Map<String, Kpi> kpis = kpis(view);

		assertThat(kpis.get("explicitRate").value()).isCloseTo(0.5, within(1e-9));
		assertThat(kpis.get("appealsUpheldRate").value()).isNull();
		assertThat(kpis.get("handledInTime").value()).isNull();
		// no complaints count as full marks: 40 × 0.5 + 0 + 0 + 15
		assertThat(view.league().get(0).score()).isCloseTo(35.0, within(1e-9));
	}

	@Test
	void filtersCombine() {
		Figures providersOfDaxing = view("jurisdiction=" + KnownDataSet.DAXING + "&kind=GENERATION_PROVIDER").figures();
		Figures imagesOfThePlatform = view("contentType=IMAGE&enterprise=" + KnownDataSet.PLATFORM).figures();
		Figures videosOfDaxing = view("jurisdiction=" + KnownDataSet.DAXING + "&contentType=VIDEO").figures();

		assertThat(providersOfDaxing.published()).isEqualTo(50);
		assertThat(providersOfDaxing.complaintsReceived()).isZero();
		assertThat(imagesOfThePlatform.published()).isEqualTo(100);
		assertThat(imagesOfThePlatform.complaintsReceived()).isEqualTo(2);
		assertThat(videosOfDaxing.published()).isEqualTo(50);
		// actions have no content type: the filter leaves them whole
		assertThat(imagesOfThePlatform.actionItems()).isEqualTo(6);
	}

	@Test
	void leagueRanksByScoreAndFlagsLaggards() {
		List<LeagueRow> league = view("jurisdiction=" + KnownDataSet.DAXING).league();

		LeagueRow first = league.get(0);
		assertThat(first.enterprise().id()).isEqualTo(KnownDataSet.PLATFORM);
		// 40 × 0.9 + 30 × 0.75 + 15 × 0.6 + 15 × 0.5
		assertThat(first.score()).isCloseTo(75.0, within(1e-9));
		assertThat(first.rank()).isEqualTo(1);
		assertThat(first.laggard()).isFalse();
		assertThat(first.trend()).hasSize(2);
		assertThat(first.sparkline()).isNotBlank();
		LeagueRow second = league.get(1);
		assertThat(second.enterprise().id()).isEqualTo(KnownDataSet.PROVIDER);
		assertThat(second.laggard()).isTrue();
		assertThat(league.subList(2, league.size())).allSatisfy((row) -> assertThat(row.rank()).isZero());
		assertThat(view("jurisdiction=" + KnownDataSet.DAXING).jurisdictions()).singleElement()
			.satisfies((row) -> assertThat(row.meanScore()).isCloseTo(55.0, within(1e-9)));
	}

	/**
	 * Whatever rows of the rolled-up key a view reads (those that sum the content types,
	 * one content type's, each category's), its figures are the raw records'.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "jurisdiction=" + KnownDataSet.DAXING, "kind=DISSEMINATION_PLATFORM", "contentType=IMAGE",
			"contentType=VIDEO&kind=GENERATION_PROVIDER", "enterprise=" + KnownDataSet.PLATFORM })
	void aggregatesGiveTheSameFiguresAsTheRawRecords(String restriction) {
		DashboardFilter filter = filter(KnownDataSet.PERIOD + "&" + restriction);

		CampaignView fromAggregates = DashboardComputations.uncached(this.dashboards, EnterpriseScope.everything(),
				filter, TODAY);
		CampaignView fromRaw = DashboardComputations.fromRawRecords(this.dashboards, EnterpriseScope.everything(),
				filter, TODAY);

		assertThat(fromAggregates.kpis()).isEqualTo(fromRaw.kpis());
		assertThat(fromAggregates.weeks()).isEqualTo(fromRaw.weeks());
		assertThat(fromAggregates.categories()).isEqualTo(fromRaw.categories());
		assertThat(fromAggregates.actions()).isEqualTo(fromRaw.actions());
		assertThat(fromAggregates.league()).extracting(LeagueRow::score)
			.isEqualTo(fromRaw.league().stream().map(LeagueRow::score).toList());
		assertThat(fromAggregates.kpis()).anySatisfy((kpi) -> assertThat(kpi.value()).isNotNull().isPositive());
	}

	/**
	 * Each table's rolled-up rows ('*') sum the rows of the key's values, at every grain;
	 * the enforcement actions by category (the typical-issue summary) read the
	 * categories' own rows.
	 */
	@Test
	void rolledUpRowsSumTheRowsOfEachValue() {
		for (AggregateTable table : AggregateTable.values()) {
			String measures = table.measures()
				.stream()
				.map((measure) -> "SUM(%s)".formatted(measure))
				.collect(Collectors.joining(", ', ', "));
			// the known data's enterprises: other tests write aggregates of their own
			String sums = """
					SELECT CONCAT(grain, ': ', %s) FROM %s WHERE %s %s '*' AND enterprise_id IN (%d, %d)
					GROUP BY grain ORDER BY grain""";
			List<String> rolledUp = this.jdbc.sql(sums.formatted(measures, table.table(), table.rollUpKey(), "=",
					KnownDataSet.PLATFORM, KnownDataSet.PROVIDER))
				.query(String.class)
				.list();
			List<String> ofEachValue = this.jdbc.sql(sums.formatted(measures, table.table(), table.rollUpKey(), "<>",
					KnownDataSet.PLATFORM, KnownDataSet.PROVIDER))
				.query(String.class)
				.list();
			assertThat(rolledUp).as(table.table()).hasSize(3).isEqualTo(ofEachValue);
		}
		DashboardFilter filter = filter(KnownDataSet.PERIOD);
		assertThat(this.dashboards.actionItemsByCategory(EnterpriseScope.everything(), filter)
			.values()
			.stream()
			.mapToLong(Long::longValue)
			.sum()).isEqualTo(view("").figures().actionItems());
	}

	@Test
	void weeklyTrendSplitsThePeriodByWeek() {
		List<WeekPoint> weeks = view("enterprise=" + KnownDataSet.PLATFORM).weeks();

		assertThat(weeks).extracting(WeekPoint::week)
			.containsExactly(KnownDataSet.FROM, KnownDataSet.FROM.plusWeeks(1));
		assertThat(weeks.get(0).explicitRate()).isCloseTo(0.8, within(1e-9));
		assertThat(weeks.get(1).explicitRate()).isCloseTo(1.0, within(1e-9));
		assertThat(weeks).extracting(WeekPoint::complaintsReceived).containsExactly(2L, 2L);
	}

	private CampaignView view(String restriction) {
		return this.dashboards.campaign(EnterpriseScope.everything(), filter(KnownDataSet.PERIOD + "&" + restriction),
				TODAY);
	}

	static DashboardFilter filter(String query) {
		Map<String, String> params = Arrays.stream(query.split("&"))
			.map((pair) -> pair.split("=", 2))
			.collect(Collectors.toMap((pair) -> pair[0], (pair) -> pair[1]));
		return DashboardFilter.parse(params, TODAY, LocalDate.of(2026, 5, 18));
	}

	private static Map<String, Kpi> kpis(CampaignView view) {
		return view.kpis().stream().collect(Collectors.toMap(Kpi::code, Function.identity()));
	}

}
