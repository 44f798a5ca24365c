package cn.qinglang.batch.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chunkSize records per transaction
 * @param pageSize records asked for per pulled page
 * @param requestTimeout time-out of one request to a platform
 * @param retries further attempts after a time-out, a connection failure or a 5xx
 * @param retryDelay wait before the first retry; doubled for each next one
 */
@ConfigurationProperties("qinglang.feeds.job")
public record FeedJobProperties(@DefaultValue("5000") int chunkSize, @DefaultValue("5000") int pageSize,
		@DefaultValue("30s") Duration requestTimeout, @DefaultValue("4") int retries,
		@DefaultValue("500ms") Duration retryDelay) {
}
