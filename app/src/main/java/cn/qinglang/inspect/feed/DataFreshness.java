package cn.qinglang.inspect.feed;

import org.springframework.stereotype.Service;

/**
 * How current an enterprise's platform data is, for every page that shows it: "data as
 * of", and the flags for a silent feed or a day far below its own recent norm.
 */
@Service
public class DataFreshness {

	private final Feeds feeds;

	private final FeedProperties properties;

	DataFreshness(Feeds feeds, FeedProperties properties) {
		this.feeds = feeds;
		this.properties = properties;
	}

	/** The caller has checked that the user may see the enterprise. */
	public Freshness of(long enterpriseId) {
		return this.feeds.freshness(enterpriseId, this.properties.silentAfter(), this.properties.volumeDropRatio(),
				this.properties.normDays());
	}

}
