package cn.qinglang.batch.feed;

import java.time.LocalDate;

/**
 * What a run needs to know of its feed.
 *
 * @param cursor where the feed's next pull starts (null: at the start, or at
 * {@code since})
 * @param since the first day to pull while the feed has no cursor (null: all)
 */
record RunContext(long runId, long feedId, long enterpriseId, String creditCode, FeedSource source, String baseUrl,
		String tokenCiphertext, String cursor, LocalDate since) {
}
