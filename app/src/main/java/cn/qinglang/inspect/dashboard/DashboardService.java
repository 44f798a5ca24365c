package cn.qinglang.inspect.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import cn.qinglang.batch.aggregate.AggregateTable;
import cn.qinglang.batch.aggregate.DashboardAggregates;
import cn.qinglang.batch.records.PlatformInterface.ComplaintCategory;
import cn.qinglang.batch.records.PlatformInterface.EnforcementActor;
import cn.qinglang.batch.records.PlatformInterface.EnforcementType;
import cn.qinglang.inspect.dashboard.Kpi.Unit;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.feed.DataFreshness.FeedAge;
import cn.qinglang.inspect.feed.DataFreshness;
import cn.qinglang.inspect.enterprise.Enterprise;
import cn.qinglang.inspect.enterprise.EnterpriseFilter;
import cn.qinglang.inspect.enterprise.Enterprises;
import cn.qinglang.inspect.rectification.OrderStatistics;
import cn.qinglang.inspect.rectification.OrderStatistics.OrderCounts;

/**
 * Computes the dashboards from the aggregates. A computed view is kept under the
 * aggregates' version, so it is served again until a feed run changes the data; the
 * version is read on every request (one row by primary key).
 */
@Service
public class DashboardService implements DisposableBean {

	private static final java.time.Period ONE_WEEK = java.time.Period.ofWeeks(1);

	private final DashboardQueries queries;

	private final Enterprises enterprises;

	private final OrderStatistics orderStatistics;

	private final DashboardAggregates aggregates;

	private final DataFreshness freshness;

	private final DashboardProperties properties;

	private final ViewCache cache;

	/**
	 * The threads that read a view's aggregates side by side: as many as a view has big
	 * reads (its metrics and complaints by week, the previous period, the categories),
	 * daemons, so a view computed while the portal stops does not hold it up.
	 */
	private final ExecutorService readers = Executors.newFixedThreadPool(4, (work) -> {
		Thread thread = new Thread(work, "dashboard-reader");
		thread.setDaemon(true);
		return thread;
	});

	DashboardService(DashboardQueries queries, DashboardAggregates aggregates, DataFreshness freshness,
			DashboardProperties properties, Enterprises enterprises, OrderStatistics orderStatistics) {
		this.enterprises = enterprises;
		this.orderStatistics = orderStatistics;
		this.queries = queries;
		this.aggregates = aggregates;
		this.freshness = freshness;
		this.properties = properties;
		this.cache = new ViewCache(properties.cacheSize(), properties.maxStale());
	}

	public DashboardProperties properties() {
		return this.properties;
	}

	/** The campaign dashboard of a scope, from the aggregates. */
	public CampaignView campaign(EnterpriseScope scope, DashboardFilter filter, LocalDate today) {
		long version = this.aggregates.version();
		return this.cache
			.get(List.of("campaign", scope, filter.query(), today), version,
					() -> computeCampaign(Source.AGGREGATES, scope, filter, today))
			.withFilter(filter);
	}

	/**
	 * One enterprise's dashboard against its peers of the same kind. Peers are read
	 * without the user's scope but only as aggregates: no peer is named in the result.
	 */
	public EnterpriseView enterprise(EnterpriseScope scope, EnterpriseInfo enterprise, DashboardFilter filter,
			LocalDate today, String drillBase) {
		long version = this.aggregates.version();
		return this.cache
			.get(List.of("enterprise", scope, enterprise.id(), filter.query(), today, drillBase), version,
					() -> computeEnterprise(scope, enterprise, filter, today, drillBase))
			.withFilter(filter);
	}

	/** The enterprise, if the scope may see it. */
	public Optional<EnterpriseInfo> find(EnterpriseScope scope, long enterpriseId, DashboardFilter filter) {
		return Optional
			.ofNullable(enterprises(scope, new EnterpriseFilter(null, null, enterpriseId)).get(enterpriseId));
	}

	/**
	 * Complaints of the period by red-line category, from the aggregates: what the
	 * typical-issue summary needs of the campaign view, without computing all of it.
	 */
	public List<CategoryRow> complaintCategories(EnterpriseScope scope, DashboardFilter filter) {
		return categories(Source.AGGREGATES, scope, filter);
	}

	/**
	 * Enforcement action counts of the period by red-line category, from the aggregates:
	 * for the typical-issue summary's view of the campaign's key categories.
	 */
	public Map<String, Long> actionItemsByCategory(EnterpriseScope scope, DashboardFilter filter) {
		Map<String, Long> items = new LinkedHashMap<>();
		this.queries.grouped(Source.AGGREGATES, AggregateTable.ACTION, scope, filter, filter.period(), "f.category")
			.forEach((category, sums) -> items.put(category, sums.get("items")));
		return items;
	}

	/**
	 * What the filter's selects offer: the jurisdictions and enterprises of the scope.
	 */
	public FilterOptions options(EnterpriseScope scope, DashboardFilter filter) {
		Map<Long, EnterpriseInfo> all = enterprises(scope, EnterpriseFilter.any());
		Map<String, EnterpriseInfo> places = new TreeMap<>();
		all.values().forEach((enterprise) -> places.putIfAbsent(enterprise.jurisdictionCode(), enterprise));
		return new FilterOptions(List.copyOf(places.values()), List.copyOf(all.values()));
	}

	/**
	 * The selects' choices: one enterprise per jurisdiction stands for its jurisdiction.
	 */
	public record FilterOptions(List<EnterpriseInfo> jurisdictions, List<EnterpriseInfo> enterprises) {
	}

	/**
	 * The enterprises the filter keeps inside the scope, by id, in the order of their
	 * names.
	 */
	private Map<Long, EnterpriseInfo> enterprises(EnterpriseScope scope, EnterpriseFilter filter) {
		Map<Long, EnterpriseInfo> result = new LinkedHashMap<>();
		for (Enterprise enterprise : this.enterprises.filtered(scope, filter)) {
			result.put(enterprise.id(),
					new EnterpriseInfo(enterprise.id(), enterprise.code(), enterprise.nameZh(), enterprise.nameEn(),
							enterprise.kind(), enterprise.jurisdiction().code(), enterprise.jurisdiction().nameZh(),
							enterprise.jurisdiction().nameEn()));
		}
		return result;
	}

	/**
	 * The campaign dashboard computed, never cached: from the aggregates, or from the raw
	 * records for comparison (the tests' and the benchmark's
	 * {@code DashboardComputations}).
	 */
	CampaignView computeCampaign(Source source, EnterpriseScope scope, DashboardFilter filter, LocalDate today) {
		Period period = filter.period();
		// the biggest reads side by side, each on a connection of its own: a view asked
		// for alone (the first after a start, or after the data changed) then takes the
		// time of its longest read rather than of all
		CompletableFuture<Weekly> weekly = weekly(source, scope, filter);
		CompletableFuture<Figures> previous = async(() -> figures(source, scope, filter, period.previous()));
		CompletableFuture<List<CategoryRow>> categories = async(() -> categories(source, scope, filter));
		Map<String, Sums> actions = actions(source, scope, filter, period);
		OrderCounts orders = this.orderStatistics.counts(scope, filter.enterprises(), today, period.from(),
				period.to());
		OrderCounts previousOrders = this.orderStatistics.counts(scope, filter.enterprises(), today,
				period.previous().from(), period.previous().to());
		Map<Long, EnterpriseInfo> enterprises = enterprises(scope, filter.enterprises());
		Map<Long, FeedAge> ages = this.freshness.ages(enterprises.keySet());
		Figures current = join(weekly).figures(actions);
		List<LeagueRow> league = league(join(weekly), period, enterprises);
		return new CampaignView(filter,
				kpis(current, join(previous), orders, previousOrders, "/dashboard", filter.query()), current,
				weeks(join(weekly), period), join(categories), actionRows(current), league, jurisdictions(league),
				FeedHealth.of(enterprises, ages), this.properties.campaignStart());
	}

	private EnterpriseView computeEnterprise(EnterpriseScope scope, EnterpriseInfo enterprise, DashboardFilter filter,
			LocalDate today, String drillBase) {
		DashboardFilter own = filter.forEnterprise(enterprise.id());
		Period period = filter.period();
		DashboardFilter peersFilter = filter.withKind(enterprise.kind());
		EnterpriseScope everything = EnterpriseScope.everything();
		// the peers' reads (every enterprise of the kind) beside the enterprise's own
		CompletableFuture<Weekly> peersWeekly = weekly(Source.AGGREGATES, everything, peersFilter);
		CompletableFuture<Figures> previous = async(() -> figures(Source.AGGREGATES, scope, own, period.previous()));
		Weekly weekly = join(weekly(Source.AGGREGATES, scope, own));
		Figures current = weekly.figures(actions(Source.AGGREGATES, scope, own, period));
		OrderCounts orders = this.orderStatistics.counts(scope, own.enterprises(), today, period.from(), period.to());
		OrderCounts previousOrders = this.orderStatistics.counts(scope, own.enterprises(), today,
				period.previous().from(), period.previous().to());
		List<CategoryRow> categories = categories(Source.AGGREGATES, scope, own);
		List<LeagueRow> peers = league(join(peersWeekly), period, enterprises(everything, peersFilter.enterprises()));
		return new EnterpriseView(enterprise, own,
				kpis(current, join(previous), orders, previousOrders, drillBase, own.query()), current.score(),
				PeerComparison.of(enterprise.id(), current, peers), weeks(weekly, period), categories,
				actionRows(current), this.properties.campaignStart());
	}

	/** Work on the dashboards' own threads, for the reads of one view side by side. */
	private <T> CompletableFuture<T> async(Supplier<T> work) {
		return CompletableFuture.supplyAsync(work, this.readers);
	}

	/** The result of work done {@link #async}, its failure thrown as it was. */
	private static <T> T join(CompletableFuture<T> result) {
		try {
			return result.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	@Override
	public void destroy() {
		this.readers.shutdownNow();
	}

	/**
	 * The labeling metrics and complaints of the filter's period by enterprise and week:
	 * the period's figures, the chart by week and the league all come from them.
	 */
	private CompletableFuture<Weekly> weekly(Source source, EnterpriseScope scope, DashboardFilter filter) {
		Period period = filter.period();
		return async(() -> this.queries.byEnterpriseWeek(source, AggregateTable.METRIC, scope, filter, period))
			.thenCombine(
					async(() -> this.queries.byEnterpriseWeek(source, AggregateTable.COMPLAINT, scope, filter, period)),
					(metrics, complaints) -> new Weekly(metrics, complaints, this.properties.handlingLimitHours()));
	}

	/** Labeling metrics and complaints by enterprise and week. */
	private record Weekly(WeeklySums metrics, WeeklySums complaints, int limitHours) {

		Figures figures(Map<String, Sums> actions) {
			return new Figures(this.metrics.total(), this.complaints.total(), actions, this.limitHours);
		}

		Figures ofEnterprise(long enterpriseId) {
			return new Figures(this.metrics.ofEnterprise(enterpriseId), this.complaints.ofEnterprise(enterpriseId),
					Map.of(), this.limitHours);
		}

		Figures ofWeek(String week) {
			return new Figures(this.metrics.ofWeek(week), this.complaints.ofWeek(week), Map.of(), this.limitHours);
		}

		Figures of(long enterpriseId, String week) {
			return new Figures(this.metrics.of(enterpriseId, week), this.complaints.of(enterpriseId, week), Map.of(),
					this.limitHours);
		}

	}

	private Map<String, Sums> actions(Source source, EnterpriseScope scope, DashboardFilter filter, Period period) {
		return this.queries.grouped(source, AggregateTable.ACTION, scope, filter, period, "f.action_type");
	}

	private Figures figures(Source source, EnterpriseScope scope, DashboardFilter filter, Period period) {
		return new Figures(this.queries.total(source, AggregateTable.METRIC, scope, filter, period),
				this.queries.total(source, AggregateTable.COMPLAINT, scope, filter, period),
				actions(source, scope, filter, period), this.properties.handlingLimitHours());
	}

	/**
	 * The KPI tiles; each links to the list behind it under {@code drillBase}.
	 */
	private static List<Kpi> kpis(Figures now, Figures before, OrderCounts orders, OrderCounts ordersBefore,
			String drillBase, String query) {
		String metrics = drillBase + "/metrics?" + query;
		String complaints = drillBase + "/complaints?" + query;
		String actions = drillBase + "/actions?" + query;
		String orderList = drillBase.startsWith("/my-enterprise") ? "/my-enterprise/orders" : "/orders";
		List<Kpi> kpis = new ArrayList<>();
		kpis.add(new Kpi("explicitRate", Unit.RATE, now.explicitRate(), before.explicitRate(), metrics));
		kpis.add(new Kpi("implicitRate", Unit.RATE, now.implicitRate(), before.implicitRate(), metrics));
		kpis.add(new Kpi("verificationRate", Unit.RATE, now.verificationRate(), before.verificationRate(), metrics));
		kpis.add(new Kpi("detectedShare", Unit.RATE, now.detectedShare(), before.detectedShare(), metrics));
		kpis.add(count("appealsFiled", now.appealsFiled(), before.appealsFiled(), metrics));
		kpis.add(new Kpi("appealsUpheldRate", Unit.RATE, now.appealsUpheldRate(), before.appealsUpheldRate(), metrics));
		kpis.add(count("tampering", now.tampering(), before.tampering(), metrics));
		kpis.add(count("complaintsReceived", now.complaintsReceived(), before.complaintsReceived(), complaints));
		kpis.add(count("complaintsHandled", now.complaintsHandled(), before.complaintsHandled(),
				complaints + "&handled=true"));
		kpis.add(new Kpi("medianHandling", Unit.HOURS, now.medianHandlingHours(), before.medianHandlingHours(),
				complaints + "&handled=true"));
		kpis.add(new Kpi("p90Handling", Unit.HOURS, now.p90HandlingHours(), before.p90HandlingHours(),
				complaints + "&handled=true"));
		kpis.add(
				new Kpi("handledInTime", Unit.RATE, now.handledInTimeShare(), before.handledInTimeShare(), complaints));
		for (EnforcementActor actor : EnforcementActor.values()) {
			kpis.add(count("actions" + actor, now.actionItems(actor), before.actionItems(actor),
					actions + "&actor=" + actor));
		}
		kpis.add(new Kpi("fines", Unit.MONEY, now.fines().doubleValue(), before.fines().doubleValue(),
				actions + "&type=FINE"));
		kpis.add(count("ordersIssued", orders.issued(), ordersBefore.issued(), orderList));
		kpis.add(new Kpi("ordersOpen", Unit.COUNT, (double) orders.open(), null, orderList));
		kpis.add(new Kpi("ordersOverdue", Unit.COUNT, (double) orders.overdue(), null, orderList));
		return kpis;
	}

	private static Kpi count(String code, long now, long before, String drill) {
		return new Kpi(code, Unit.COUNT, (double) now, (double) before, drill);
	}

	/** Label rates and complaint volumes by week. */
	private static List<WeekPoint> weeks(Weekly weekly, Period period) {
		List<WeekPoint> weeks = new ArrayList<>();
		for (LocalDate week : weeksOf(period)) {
			Figures figures = weekly.ofWeek(week.toString());
			weeks.add(new WeekPoint(week, figures.explicitRate(), figures.implicitRate(), figures.verificationRate(),
					figures.complaintsReceived(), figures.complaintsHandled()));
		}
		return weeks;
	}

	/** The Mondays of the weeks the period touches. */
	private static List<LocalDate> weeksOf(Period period) {
		return period.from().with(DayOfWeek.MONDAY).datesUntil(period.to().plusDays(1), ONE_WEEK).toList();
	}

	private List<CategoryRow> categories(Source source, EnterpriseScope scope, DashboardFilter filter) {
		Map<String, Sums> sums = this.queries.grouped(source, AggregateTable.COMPLAINT_CATEGORY, scope, filter,
				filter.period(), "f.category");
		return Arrays.stream(ComplaintCategory.values()).map((category) -> {
			Sums row = sums.getOrDefault(category.name(), Sums.NONE);
			return new CategoryRow(category, row.get("received"), row.get("handled"));
		}).toList();
	}

	private static List<ActionRow> actionRows(Figures figures) {
		return Arrays.stream(EnforcementType.values()).map((type) -> {
			Sums row = figures.actions().getOrDefault(type.name(), Sums.NONE);
			return new ActionRow(type, row.get("records"), row.get("items"), row.amount("amount"));
		}).toList();
	}

	/**
	 * The enterprises ranked by compliance score (those with nothing published last),
	 * each with its score by week.
	 */
	private List<LeagueRow> league(Weekly weekly, Period period, Map<Long, EnterpriseInfo> enterprises) {
		List<String> weeks = weeksOf(period).stream().map(LocalDate::toString).toList();
		List<LeagueRow> rows = new ArrayList<>();
		for (EnterpriseInfo enterprise : enterprises.values()) {
			Figures figures = weekly.ofEnterprise(enterprise.id());
			List<Double> trend = weeks.stream().map((week) -> weekly.of(enterprise.id(), week).score()).toList();
			Double score = figures.score();
			rows.add(new LeagueRow(0, enterprise, figures, score, trend,
					score != null && score < this.properties.laggardScore()));
		}
		rows.sort(Comparator.comparing(LeagueRow::score, Comparator.nullsLast(Comparator.reverseOrder()))
			.thenComparing((row) -> row.enterprise().nameZh()));
		List<LeagueRow> ranked = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			LeagueRow row = rows.get(i);
			ranked.add(new LeagueRow((row.score() != null) ? i + 1 : 0, row.enterprise(), row.figures(), row.score(),
					row.trend(), row.laggard(), row.sparkline()));
		}
		return Collections.unmodifiableList(ranked);
	}

	private static List<JurisdictionRow> jurisdictions(List<LeagueRow> league) {
		Map<String, List<LeagueRow>> byPlace = league.stream()
			.collect(Collectors.groupingBy((row) -> row.enterprise().jurisdictionCode(), LinkedHashMap::new,
					Collectors.toList()));
		return byPlace.values()
			.stream()
			.map(JurisdictionRow::of)
			.sorted(Comparator.comparing(JurisdictionRow::code))
			.toList();
	}

}
