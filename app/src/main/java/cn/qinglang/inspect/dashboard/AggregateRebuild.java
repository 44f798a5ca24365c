package cn.qinglang.inspect.dashboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.qinglang.batch.aggregate.DashboardAggregates;

/**
 * Recomputes the dashboard aggregates from the raw records at start when they were asked
 * for (a new aggregate schema, a bulk load): before anything else runs, so that no feed
 * run refreshes rows that the rebuild then replaces.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AggregateRebuild implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AggregateRebuild.class);

	private final DashboardAggregates aggregates;

	private final TransactionTemplate transactions;

	AggregateRebuild(DashboardAggregates aggregates, TransactionTemplate transactions) {
		this.aggregates = aggregates;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.aggregates.rebuildRequired()) {
			long started = System.nanoTime();
			this.transactions.executeWithoutResult((status) -> this.aggregates.rebuildAll());
			log.info("Dashboard aggregates rebuilt from the raw records in {} ms",
					(System.nanoTime() - started) / 1_000_000);
		}
	}

}
