package cn.qinglang.inspect.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bash .ci/bench load}: signed-in users, each in its own session, going round the
 * campaign dashboard, the enterprise list, the orders and a drill-down of the complaints
 * as fast as the portal answers, for a fixed time, over HTTP against a running portal
 * with the demo data. Checks first that the demo enterprises are there. Prints one line
 * of figures for the phase named; the script makes the {@code BENCH load} line.
 */
public final class LoadBenchmark {

	static final List<String> PAGES = List.of("/dashboard", "/enterprises", "/orders",
			"/dashboard/complaints?preset=CAMPAIGN");

	private LoadBenchmark() {
	}

	/**
	 * @param args base URL, phase name, users (50), seconds (60)
	 */
	public static void main(String[] args) throws Exception {
		String base = args[0];
		String phase = args[1];
		int users = (args.length > 2) ? Integer.parseInt(args[2]) : 50;
		int seconds = (args.length > 3) ? Integer.parseInt(args[3]) : 60;
		List<BenchUser> sessions = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			BenchUser user = new BenchUser((i % 2 == 0) ? "inspector" : "executive");
			user.signIn(base);
			sessions.add(user);
		}
		checkDemoData(sessions.get(0), base);

		long started = System.nanoTime();
		long end = started + seconds * 1_000_000_000L;
		AtomicInteger errors = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(users);
		List<Future<List<Sample>>> runs = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			BenchUser user = sessions.get(i);
			int seed = i;
			runs.add(pool.submit(() -> browse(user, base, seed, end, errors)));
		}
		List<Double> all = new ArrayList<>();
		List<Double> dashboard = new ArrayList<>();
		for (Future<List<Sample>> run : runs) {
			for (Sample sample : run.get()) {
				all.add(sample.ms());
				if (sample.page().equals(PAGES.get(0))) {
					dashboard.add(sample.ms());
				}
			}
		}
		double wall = (System.nanoTime() - started) / 1e9;
		pool.shutdown();
		Collections.sort(all);
		Collections.sort(dashboard);
		System.out.printf(Locale.ROOT,
				"load %s users=%d seconds=%d pages=%d p50_ms=%.0f p95_ms=%.0f p99_ms=%.0f dashboard_p50_ms=%.0f "
						+ "dashboard_p95_ms=%.0f dashboard_p99_ms=%.0f pages_per_s=%.1f errors=%d%n",
				phase, users, seconds, all.size(), percentile(all, 0.5), percentile(all, 0.95), percentile(all, 0.99),
				percentile(dashboard, 0.5), percentile(dashboard, 0.95), percentile(dashboard, 0.99), all.size() / wall,
				errors.get());
	}

	/**
	 * The premise: the demo enterprises are there (the first one, by its credit code).
	 */
	private static void checkDemoData(BenchUser user, String base) throws Exception {
		HttpResponse<byte[]> page = user.fetch(base, "/enterprises/1");
		String body = new String(BenchUser.decoded(page), StandardCharsets.UTF_8);
		if (page.statusCode() != 200 || !body.contains("91110108MA5FERE68F")) {
			System.err.println("load: the demo enterprises are not there (enterprise 1 answered " + page.statusCode()
					+ "): run the portal with the demo profile");
			System.exit(1);
		}
	}

	private static List<Sample> browse(BenchUser user, String base, int seed, long end, AtomicInteger errors) {
		List<Sample> samples = new ArrayList<>();
		int next = new SplittableRandom(seed).nextInt(PAGES.size());
		while (System.nanoTime() < end) {
			String page = PAGES.get(next++ % PAGES.size());
			long start = System.nanoTime();
			try {
				HttpResponse<byte[]> response = user.fetch(base, page);
				if (response.statusCode() != 200) {
					errors.incrementAndGet();
					System.err.println(user.name() + " " + page + ": " + response.statusCode());
				}
			}
			catch (Exception ex) {
				errors.incrementAndGet();
				System.err.println(user.name() + " " + page + ": " + ex);
			}
			samples.add(new Sample(page, (System.nanoTime() - start) / 1e6));
		}
		return samples;
	}

	private static double percentile(List<Double> sorted, double p) {
		return sorted.isEmpty() ? Double.NaN
				: sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
	}

	private record Sample(String page, double ms) {
	}

}
