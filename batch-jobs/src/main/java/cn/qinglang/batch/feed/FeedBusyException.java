package cn.qinglang.batch.feed;

/** The feed is already running, here or on another instance. */
public class FeedBusyException extends RuntimeException {

	public FeedBusyException(long enterpriseId) {
		super("the feed of enterprise " + enterpriseId + " is already running");
	}

}
