package cn.qinglang.batch.feed;

/**
 * What a run needs to know of its feed.
 */
record RunContext(long runId, long feedId, long enterpriseId, String creditCode, FeedSource source, String baseUrl,
		String tokenCiphertext, String cursor) {
}
