package cn.qinglang.inspect.dashboard;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewCacheTests {

	private final AtomicLong now = new AtomicLong();

	private final AtomicInteger computed = new AtomicInteger();

	private final ViewCache cache = new ViewCache(10, Duration.ofSeconds(10), this.now::get);

	@Test
	void aViewOfTheSameVersionIsComputedOnce() {
		assertThat(view("a", 1)).isEqualTo("a@1#1");
		this.now.addAndGet(Duration.ofMinutes(5).toNanos());

		assertThat(view("a", 1)).isEqualTo("a@1#1");
		assertThat(view("b", 1)).isEqualTo("b@1#2");
	}

	@Test
	void aViewOfAnOlderVersionIsShownWithinTheStalenessThenComputedAgain() {
		view("a", 1);
		this.now.addAndGet(Duration.ofSeconds(9).toNanos());

		assertThat(view("a", 2)).as("9 s old: still shown").isEqualTo("a@1#1");

		this.now.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(view("a", 3)).as("11 s old: computed again").isEqualTo("a@3#2");
		assertThat(view("a", 3)).isEqualTo("a@3#2");
	}

	@Test
	void noStalenessAlwaysShowsTheLatestVersion() {
		ViewCache fresh = new ViewCache(10, Duration.ZERO, this.now::get);
		fresh.get("a", 1, () -> "a@1");

		assertThat(fresh.<String>get("a", 2, () -> "a@2")).isEqualTo("a@2");
	}

	@Test
	void theLeastRecentlyUsedViewsAgeOut() {
		ViewCache small = new ViewCache(2, Duration.ZERO, this.now::get);
		small.get("a", 1, () -> "a1");
		small.get("b", 1, () -> "b1");
		small.get("a", 1, () -> "a2");
		small.get("c", 1, () -> "c1");

		assertThat(small.<String>get("a", 1, () -> "a3")).isEqualTo("a1");
		assertThat(small.<String>get("b", 1, () -> "b2")).as("aged out").isEqualTo("b2");
	}

	@Test
	void whileOneCallerComputesAViewAgainTheOthersAreShownTheOldOne() {
		ViewCache fresh = new ViewCache(10, Duration.ZERO, this.now::get);
		fresh.get("a", 1, () -> "a@1");
		String[] meanwhile = new String[1];

		String recomputed = fresh.get("a", 2, () -> {
			// another request for the same view while this one computes it
			meanwhile[0] = fresh.get("a", 2, () -> "computed twice");
			return "a@2";
		});

		assertThat(recomputed).isEqualTo("a@2");
		assertThat(meanwhile[0]).isEqualTo("a@1");
		assertThat(fresh.<String>get("a", 2, () -> "again")).isEqualTo("a@2");
	}

	@Test
	void aFailedComputationLeavesTheOldViewToBeComputedAgain() {
		ViewCache fresh = new ViewCache(10, Duration.ZERO, this.now::get);
		fresh.get("a", 1, () -> "a@1");

		org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> fresh.get("a", 2, () -> {
			throw new IllegalStateException("database gone");
		}));

		assertThat(fresh.<String>get("a", 2, () -> "a@2")).isEqualTo("a@2");
	}

	private String view(String key, long version) {
		return this.cache.get(key, version, () -> key + "@" + version + "#" + this.computed.incrementAndGet());
	}

}
