package cn.qinglang.inspect.feed;

import java.time.Instant;

/**
 * An enterprise's feed: its pull configuration (never the token itself) and its state.
 */
public record FeedConfig(long id, long enterpriseId, String enterpriseCode, String enterpriseName, String baseUrl,
		boolean hasToken, String scheduleCron, boolean enabled, String cursor, boolean running, Instant lastSuccessAt,
		String lastError) {
}
