package cn.qinglang.inspect.dashboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.qinglang.inspect.feed.DataFreshness.FeedAge;

/**
 * How current the data behind a dashboard is: the oldest and newest "data as of" of the
 * enterprises' feeds, and the feeds that are silent (never run, or not for too long).
 */
record FeedHealth(int feeds, Instant oldest, Instant newest, List<SilentFeed> silent) {

	static FeedHealth of(Map<Long, EnterpriseInfo> enterprises, Map<Long, FeedAge> ages) {
		List<Instant> times = ages.values().stream().map(FeedAge::dataAsOf).filter(Objects::nonNull).toList();
		List<SilentFeed> silent = ages.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().silent())
			.map((entry) -> new SilentFeed(enterprises.get(entry.getKey()), entry.getValue().dataAsOf()))
			.sorted(Comparator.comparing(SilentFeed::dataAsOf, Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList();
		return new FeedHealth(ages.size(), times.stream().min(Comparator.naturalOrder()).orElse(null),
				times.stream().max(Comparator.naturalOrder()).orElse(null), silent);
	}

	/** A feed with no data for too long; {@code dataAsOf} null when it never ran. */
	public record SilentFeed(EnterpriseInfo enterprise, Instant dataAsOf) {
	}

}
