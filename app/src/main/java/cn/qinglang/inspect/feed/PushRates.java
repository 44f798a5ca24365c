package cn.qinglang.inspect.feed;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.qinglang.inspect.system.RetryOnConflict;

/**
 * The push API's rate limits, counted in the database (Bucket4j's buckets in a table
 * each, {@link MariaDbBuckets}, read and written under the bucket's row lock), so that a
 * cluster of N nodes lets a token through at its limit, not N times it: requests per
 * token a minute, and failed token checks per address a minute. Two nodes writing one
 * bucket through different Galera nodes lose a conflict now and then: the loser counts
 * again ({@link RetryOnConflict}: Bucket4j's own transactions, outside any of the
 * portal's).
 */
@RetryOnConflict
@Component
class PushRates {

	private final ProxyManager<Long> tokens;

	private final ProxyManager<String> addresses;

	private final JdbcClient jdbc;

	private final BucketConfiguration perToken;

	private final BucketConfiguration perAddress;

	PushRates(DataSource dataSource, PushProperties properties) {
		this.jdbc = JdbcClient.create(dataSource);
		this.tokens = new MariaDbBuckets<>(dataSource, "push_rate_bucket", PrimaryKeyMapper.LONG);
		this.addresses = new MariaDbBuckets<>(dataSource, "push_failure_bucket", PrimaryKeyMapper.STRING);
		this.perToken = perMinute(properties.requestsPerMinute());
		this.perAddress = perMinute(properties.failuresPerMinute());
	}

	private static BucketConfiguration perMinute(int count) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(count).refillGreedy(count, Duration.ofMinutes(1)).build())
			.build();
	}

	/** Takes one request of the token's minute. */
	ConsumptionProbe takeRequest(long tokenId) {
		return this.tokens.getProxy(tokenId, () -> this.perToken).tryConsumeAndReturnRemaining(1);
	}

	/** Whether the address has used up its failed token checks of the minute. */
	boolean addressBlocked(String address) {
		return this.addresses.getProxy(address, () -> this.perAddress).getAvailableTokens() <= 0;
	}

	/** Counts a failed token check of the address. */
	void addressFailed(String address) {
		this.addresses.getProxy(address, () -> this.perAddress).tryConsume(1);
	}

	/**
	 * Deletes the buckets left alone for an hour, on one node of the cluster: full again
	 * (they refill within a minute), as a new one would be.
	 */
	@Scheduled(fixedDelayString = "PT10M")
	@SchedulerLock(name = "push-rate-cleanup", lockAtMostFor = "PT10M")
	void forgetFullBuckets() {
		for (String table : new String[] { "push_rate_bucket", "push_failure_bucket" }) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE touched_at < CURRENT_TIMESTAMP - INTERVAL 1 HOUR").update();
		}
	}

}
