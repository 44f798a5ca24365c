package cn.qinglang.batch.feed;

/** How a run's records arrive. */
public enum FeedSource {

	/** Pulled from the platform's endpoint. */
	PULL,
	/** Uploaded as a file by the platform's compliance team. */
	UPLOAD,
	/** Pushed by the platform to the submission API: one run per token and day. */
	PUSH

}
