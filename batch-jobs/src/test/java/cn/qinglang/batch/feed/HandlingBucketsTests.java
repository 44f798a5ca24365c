package cn.qinglang.batch.feed;

import org.junit.jupiter.api.Test;

import cn.qinglang.batch.aggregate.HandlingBuckets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class HandlingBucketsTests {

	@Test
	void quantileIsInterpolatedInsideItsBucket() {
		long[] counts = new long[HandlingBuckets.COUNT];
		counts[0] = 1; // up to 1 h
		counts[4] = 1; // 8 to 12 h
		counts[6] = 1; // 24 to 48 h

		assertThat(HandlingBuckets.quantileHours(counts, 0.5)).isCloseTo(10.0, within(1e-9));
		assertThat(HandlingBuckets.quantileHours(counts, 0.9)).isCloseTo(40.8, within(1e-9));
		assertThat(HandlingBuckets.quantileHours(counts, 0.2)).isCloseTo(0.6, within(1e-9));
	}

	@Test
	void nothingCountedHasNoQuantile() {
		assertThat(HandlingBuckets.quantileHours(new long[HandlingBuckets.COUNT], 0.5)).isNull();
	}

	@Test
	void withinALimitCountsTheBucketsUpToIt() {
		long[] counts = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13 };

		assertThat(HandlingBuckets.withinHours(counts, 24)).isEqualTo(21);
		assertThat(HandlingBuckets.withinHours(counts, 1)).isEqualTo(1);
		assertThatIllegalArgumentException().isThrownBy(() -> HandlingBuckets.withinHours(counts, 36));
	}

}
