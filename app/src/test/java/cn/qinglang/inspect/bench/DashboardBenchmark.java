package cn.qinglang.inspect.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.inspect.dashboard.DashboardFilter;
import cn.qinglang.inspect.dashboard.DashboardComputations;
import cn.qinglang.inspect.dashboard.DashboardService;
import cn.qinglang.inspect.enterprise.EnterpriseScope;

/**
 * {@code bash .ci/bench dashboard}: the real application on a random port over a
 * generated national-scale data set (its complaints counted first); first each distinct
 * view once, one at a time, right after the start (cold: the first view is the start's
 * first page); then, from an empty cache again, 8 signed-in users loading a mix of
 * campaign and enterprise dashboards over HTTP for a fixed time; then the same campaign
 * KPIs computed from the aggregates (uncached) and from the raw tables. Prints the
 * {@code BENCH dashboard} line last, with {@code cold_p95_ms} and {@code first_view_ms};
 * with {@code -Dbench.verbose=true} also each cold view with the moment it was asked for
 * (epoch milliseconds, to find it in a JFR recording).
 */
public final class DashboardBenchmark {

	private DashboardBenchmark() {
	}

	/**
	 * @param args data directory, seconds of load (default 60), users (default 8), raw
	 * comparisons (default 1: each takes minutes)
	 */
	public static void main(String[] args) throws Exception {
		String dataDir = args[0];
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 60;
		int users = (args.length > 2) ? Integer.parseInt(args[2]) : 8;
		int rawViews = (args.length > 3) ? Integer.parseInt(args[3]) : 1;
		Map<String, Long> generated = BenchPremise.generatedSet(java.nio.file.Path.of(dataDir));
		try (ConfigurableApplicationContext context = BenchApplication.start(dataDir)) {
			String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			BenchPremise.requireRows(jdbc, generated);
			System.out.printf(Locale.ROOT, "data: labeling_metric=%d complaint=%d enforcement_action=%d%n",
					count(jdbc, "labeling_metric"), count(jdbc, "complaint"), count(jdbc, "enforcement_action"));
			List<BenchUser> accounts = accounts(users);
			for (BenchUser user : accounts) {
				user.signIn(base);
			}
			List<String> views = campaignViews();
			List<String> enterpriseViews = enterpriseViews();

			// the first request of each view since the start: nothing cached, nothing
			// compiled
			List<Double> cold = new ArrayList<>();
			Map<String, Double> slowest = new java.util.TreeMap<>();
			java.util.Set<String> seen = new java.util.HashSet<>();
			for (BenchUser user : accounts) {
				if (!seen.add(user.name())) {
					continue;
				}
				for (String view : views(user.name(), views, enterpriseViews)) {
					long at = System.currentTimeMillis();
					double ms = user.get(base, view);
					if (Boolean.getBoolean("bench.verbose")) {
						System.out.printf(Locale.ROOT, "coldview %d %.0f %s %s%n", at, ms, user.name(), view);
					}
					cold.add(ms);
					slowest.put(user.name() + " " + view, ms);
				}
			}
			double firstView = cold.get(0);
			slowest.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
				.limit(5)
				.forEach(
						(view) -> System.out.printf(Locale.ROOT, "cold %s: %.0f ms%n", view.getKey(), view.getValue()));
			Collections.sort(cold);
			double coldP95 = percentile(cold, 0.95);
			System.out.printf(Locale.ROOT,
					"cold (each distinct view once after the start, one at a time): views=%d first_ms=%.0f p50_ms=%.0f p95_ms=%.0f max_ms=%.0f%n",
					cold.size(), firstView, percentile(cold, 0.5), coldP95, cold.get(cold.size() - 1));

			invalidate(jdbc);
			long end = System.nanoTime() + seconds * 1_000_000_000L;
			ExecutorService pool = Executors.newFixedThreadPool(accounts.size());
			List<Future<List<Double>>> runs = new ArrayList<>();
			long started = System.nanoTime();
			for (int i = 0; i < accounts.size(); i++) {
				BenchUser user = accounts.get(i);
				int seed = i;
				runs.add(pool.submit(() -> load(user, base, views(user.name(), views, enterpriseViews), seed, end)));
			}
			List<Double> latencies = new ArrayList<>();
			for (Future<List<Double>> run : runs) {
				latencies.addAll(run.get());
			}
			double wall = (System.nanoTime() - started) / 1e9;
			pool.shutdown();
			Collections.sort(latencies);
			double throughput = latencies.size() / wall;
			System.out.printf(Locale.ROOT,
					"load (%d users, %d s, cache emptied first): requests=%d p50_ms=%.0f p95_ms=%.0f p99_ms=%.0f max_ms=%.0f rps=%.1f%n",
					accounts.size(), seconds, latencies.size(), percentile(latencies, 0.5), percentile(latencies, 0.95),
					percentile(latencies, 0.99), latencies.get(latencies.size() - 1), throughput);

			DashboardService dashboards = context.getBean(DashboardService.class);
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
			LocalDate campaignStart = dashboards.properties().campaignStart();
			double aggregateTotal = 0;
			double rawTotal = 0;
			for (String view : views.subList(0, Math.min(rawViews, views.size()))) {
				DashboardFilter filter = DashboardFilter.parse(parameters(view), today, campaignStart);
				long t0 = System.nanoTime();
				var fromAggregates = DashboardComputations.uncached(dashboards, EnterpriseScope.everything(), filter,
						today);
				long t1 = System.nanoTime();
				var fromRaw = DashboardComputations.fromRawRecords(dashboards, EnterpriseScope.everything(), filter,
						today);
				long t2 = System.nanoTime();
				double aggregateMs = (t1 - t0) / 1e6;
				double rawMs = (t2 - t1) / 1e6;
				aggregateTotal += aggregateMs;
				rawTotal += rawMs;
				System.out.printf(Locale.ROOT, "kpis %s: aggregates_ms=%.0f raw_ms=%.0f same_kpis=%b%n", view,
						aggregateMs, rawMs, fromAggregates.kpis().equals(fromRaw.kpis()));
			}
			System.out.printf(Locale.ROOT,
					"BENCH dashboard p50_ms=%.0f p95_ms=%.0f p99_ms=%.0f throughput_rps=%.1f speedup_vs_raw=%.1f cold_p95_ms=%.0f first_view_ms=%.0f%n",
					percentile(latencies, 0.5), percentile(latencies, 0.95), percentile(latencies, 0.99), throughput,
					rawTotal / aggregateTotal, coldP95, firstView);
		}
	}

	/** A new aggregate version: every cached view is computed again. */
	private static void invalidate(JdbcClient jdbc) {
		jdbc.sql("UPDATE aggregate_version SET version = version + 1 WHERE id = 1").update();
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	/**
	 * Inspectors and the executive (campaign and enterprise dashboards) and platform
	 * users (their own dashboard), as many as asked for.
	 */
	private static List<BenchUser> accounts(int count) {
		List<String> names = List.of("inspector", "executive", "inspector-haidian", "qingqiong", "inspector",
				"executive", "mingche", "yunfan");
		List<BenchUser> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			users.add(new BenchUser(names.get(i % names.size())));
		}
		return users;
	}

	private static boolean platform(String name) {
		return !name.startsWith("inspector") && !name.equals("executive");
	}

	private static List<String> views(String name, List<String> campaign, List<String> enterprise) {
		if (platform(name)) {
			return List.of("/my-enterprise/dashboard?preset=CAMPAIGN", "/my-enterprise/dashboard?preset=LAST_30",
					"/my-enterprise/dashboard?preset=LAST_90&contentType=VIDEO");
		}
		List<String> views = new ArrayList<>(campaign);
		// the Haidian inspector sees Haidian's enterprises only (1 and 2 among the demo
		// ones)
		views.addAll(name.equals("inspector-haidian")
				? enterprise.stream().filter((view) -> view.matches("/dashboard/enterprises/[12]\\?.*")).toList()
				: enterprise);
		return views;
	}

	private static List<Double> load(BenchUser user, String base, List<String> views, int seed, long end)
			throws Exception {
		SplittableRandom random = new SplittableRandom(seed);
		List<Double> latencies = new ArrayList<>();
		while (System.nanoTime() < end) {
			latencies.add(user.get(base, views.get(random.nextInt(views.size()))));
		}
		return latencies;
	}

	/**
	 * Campaign dashboards: presets crossed with jurisdictions, kinds and content types.
	 */
	static List<String> campaignViews() {
		List<String> presets = List.of("preset=CAMPAIGN", "preset=LAST_30", "preset=LAST_90", "preset=QUARTER",
				"preset=LAST_7", "preset=CUSTOM&from=2025-11-01&to=2026-10-31");
		List<String> restrictions = List.of("", "&jurisdiction=110108", "&kind=DISSEMINATION_PLATFORM",
				"&contentType=VIDEO", "&jurisdiction=110105&kind=GENERATION_PROVIDER", "&contentType=TEXT");
		List<String> views = new ArrayList<>();
		for (int i = 0; i < restrictions.size(); i++) {
			for (int p = 0; p < presets.size(); p++) {
				if ((i + p) % 2 == 0) {
					views.add("/dashboard?" + presets.get(p) + restrictions.get(i));
				}
			}
		}
		return views;
	}

	private static List<String> enterpriseViews() {
		List<String> views = new ArrayList<>();
		for (long id : new long[] { 1, 2, 3, 7, 20, 45, 88, 150 }) {
			views.add("/dashboard/enterprises/" + id + "?preset=" + ((id % 2 == 0) ? "CAMPAIGN" : "LAST_90"));
		}
		return views;
	}

	private static Map<String, String> parameters(String view) {
		Map<String, String> params = new java.util.HashMap<>();
		Arrays.stream(view.substring(view.indexOf('?') + 1).split("&")).forEach((pair) -> {
			String[] kv = pair.split("=", 2);
			params.put(kv[0], kv[1]);
		});
		return params;
	}

	private static double percentile(List<Double> sorted, double p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
	}

}
