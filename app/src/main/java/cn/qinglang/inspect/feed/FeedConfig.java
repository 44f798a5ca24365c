package cn.qinglang.inspect.feed;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An enterprise's feed: its pull configuration (never the token itself) and its state.
 *
 * @param cursor where the next pull starts (null: at the start, or at
 * {@code cursorSince})
 * @param cursorSince the first day asked for while there is no cursor (null: all)
 */
record FeedConfig(long id, long enterpriseId, String enterpriseCode, String enterpriseName, String baseUrl,
		boolean hasToken, String scheduleCron, boolean enabled, String cursor, LocalDate cursorSince, boolean running,
		Instant lastSuccessAt, String lastError) {
}
