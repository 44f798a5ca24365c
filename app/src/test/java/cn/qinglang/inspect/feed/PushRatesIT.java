package cn.qinglang.inspect.feed;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import cn.qinglang.inspect.support.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push API's limits are counted in the database: two nodes (two {@link PushRates} on
 * the test's database) let a token through at its limit together, not each, and an
 * address that failed on one node is slowed down on the other.
 */
@PortalTest
class PushRatesIT {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoNodesCountOneTokensRequestsAgainstOneLimit() {
		PushProperties limits = new PushProperties(DataSize.ofMegabytes(16), 10, 3, Duration.ofDays(7));
		PushRates node1 = new PushRates(this.dataSource, limits);
		PushRates node2 = new PushRates(this.dataSource, limits);
		long token = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);

		int taken = 0;
		for (int i = 0; i < 10; i++) {
			if (((i % 2 == 0) ? node1 : node2).takeRequest(token).isConsumed()) {
				taken++;
			}
		}

		assertThat(taken).isEqualTo(10);
		assertThat(node1.takeRequest(token).isConsumed()).as("the 11th, on node 1").isFalse();
		assertThat(node2.takeRequest(token).getNanosToWaitForRefill()).as("the 11th, on node 2: wait").isPositive();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM push_rate_bucket WHERE id = :id")
			.param("id", token)
			.query(Long.class)
			.single()).as("one bucket, in the database").isEqualTo(1);

		// left alone for an hour, the bucket is full again: its row goes, the limit
		// starts anew
		this.jdbc.sql("UPDATE push_rate_bucket SET touched_at = CURRENT_TIMESTAMP - INTERVAL 2 HOUR WHERE id = :id")
			.param("id", token)
			.update();
		node2.forgetFullBuckets();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM push_rate_bucket WHERE id = :id")
			.param("id", token)
			.query(Long.class)
			.single()).isZero();
		assertThat(node1.takeRequest(token).isConsumed()).isTrue();
	}

	@Test
	void anAddressThatFailedOnOneNodeIsSlowedDownOnTheOther() {
		PushProperties limits = new PushProperties(DataSize.ofMegabytes(16), 10, 3, Duration.ofDays(7));
		PushRates node1 = new PushRates(this.dataSource, limits);
		PushRates node2 = new PushRates(this.dataSource, limits);
		String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255) + "/" + System.nanoTime();

		for (int i = 0; i < 3; i++) {
			assertThat(node2.addressBlocked(address)).as("after %d failures", i).isFalse();
			node1.addressFailed(address);
		}

		assertThat(node2.addressBlocked(address)).isTrue();
	}

}
