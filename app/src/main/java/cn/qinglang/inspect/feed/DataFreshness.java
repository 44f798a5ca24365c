package cn.qinglang.inspect.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * How current an enterprise's platform data is, for every page that shows it: "data as
 * of", and the flags for a silent feed or a day far below its own recent norm.
 */
@Service
public class DataFreshness {

	private final Feeds feeds;

	private final FeedProperties properties;

	private final Clock clock;

	DataFreshness(Feeds feeds, FeedProperties properties, Clock clock) {
		this.clock = clock;
		this.feeds = feeds;
		this.properties = properties;
	}

	/**
	 * When each enterprise's data was last brought in, and whether that is so long ago
	 * that the feed counts as silent: for pages over many enterprises at once. The caller
	 * has checked that the user may see them.
	 */
	public Map<Long, FeedAge> ages(Collection<Long> enterpriseIds) {
		Instant silentBefore = Instant.now(this.clock).minus(this.properties.silentAfter());
		Map<Long, FeedAge> ages = new LinkedHashMap<>();
		this.feeds.lastSuccess(enterpriseIds)
			.forEach((id, at) -> ages.put(id, new FeedAge(at, at == null || at.isBefore(silentBefore))));
		return ages;
	}

	/** The caller has checked that the user may see the enterprise. */
	public Freshness of(long enterpriseId) {
		return this.feeds.freshness(enterpriseId, this.properties.silentAfter(), this.properties.volumeDropRatio(),
				this.properties.normDays());
	}

	/**
	 * When an enterprise's data was last brought in (null: never), and whether too long
	 * ago.
	 */
	public record FeedAge(Instant dataAsOf, boolean silent) {
	}

}
