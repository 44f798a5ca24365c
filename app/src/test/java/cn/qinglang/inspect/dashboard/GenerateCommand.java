package cn.qinglang.inspect.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.qinglang.batch.aggregate.DashboardAggregates;

/**
 * The benchmarks' data generator ({@code cn.qinglang.inspect.bench.Generate}, test scope:
 * the product does not ship it) {@code [--complaints=N] [--actions=N]
 * [--from=DATE] [--to=DATE] [--seed=N]}, by default two years up to yesterday: replaces
 * the raw records with a national-scale generated set ({@link VolumeGenerator}) and
 * rebuilds the aggregates from them. Runs after the start-up rebuild, with the web
 * server, the scheduler and the demo ingestion off.
 */
@Component
@ConditionalOnBooleanProperty("qinglang.generate.enabled")
@Order(Ordered.LOWEST_PRECEDENCE)
class GenerateCommand implements ApplicationRunner {

	private final JdbcClient jdbc;

	private final JdbcConnectionDetails connection;

	private final DashboardAggregates aggregates;

	private final TransactionTemplate transactions;

	private final DashboardProperties properties;

	private final Clock clock;

	GenerateCommand(JdbcClient jdbc, JdbcConnectionDetails connection, DashboardAggregates aggregates,
			TransactionTemplate transactions, DashboardProperties properties, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.connection = connection;
		this.aggregates = aggregates;
		this.transactions = transactions;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		LocalDate to = LocalDate.parse(option(args, "to", LocalDate.now(this.clock).minusDays(1).toString()));
		VolumeGenerator.Settings settings = new VolumeGenerator.Settings(
				Long.parseLong(option(args, "complaints", "10000000")),
				Long.parseLong(option(args, "actions", "500000")),
				LocalDate.parse(option(args, "from", to.minusYears(2).plusDays(1).toString())), to,
				Long.parseLong(option(args, "seed", "20261123")));
		List<VolumeGenerator.Company> enterprises = VolumeGenerator.enterprises(this.jdbc);
		System.out.printf(Locale.ROOT, "generate: %d enterprises, %s to %s, %d complaints, %d actions, seed %d%n",
				enterprises.size(), settings.from(), settings.to(), settings.complaints(), settings.actions(),
				settings.seed());
		long started = System.nanoTime();
		VolumeGenerator.Written written = new VolumeGenerator(settings, this.properties.campaignStart(), enterprises)
			.load(this.connection);
		double loadSeconds = (System.nanoTime() - started) / 1e9;
		long rebuilding = System.nanoTime();
		this.transactions.executeWithoutResult((status) -> this.aggregates.rebuildAll());
		double rebuildSeconds = (System.nanoTime() - rebuilding) / 1e9;
		System.out.printf(Locale.ROOT,
				"generate: labeling_metric=%d complaint=%d enforcement_action=%d load_s=%.1f aggregates_s=%.1f total_s=%.1f%n",
				written.metrics(), written.complaints(), written.actions(), loadSeconds, rebuildSeconds,
				loadSeconds + rebuildSeconds);
	}

	private static String option(ApplicationArguments args, String name, String fallback) {
		List<String> values = args.getOptionValues(name);
		return (values == null || values.isEmpty()) ? fallback : values.get(values.size() - 1);
	}

}
