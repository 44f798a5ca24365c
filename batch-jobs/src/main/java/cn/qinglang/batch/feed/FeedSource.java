package cn.qinglang.batch.feed;

/** How a run's records arrive. */
public enum FeedSource {

	/** Pulled from the platform's endpoint. */
	PULL,
	/** Uploaded as a file by the platform's compliance team. */
	UPLOAD

}
