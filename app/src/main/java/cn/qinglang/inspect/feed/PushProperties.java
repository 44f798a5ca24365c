package cn.qinglang.inspect.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The push API's limits.
 *
 * @param maxRequestSize the largest body, after gzip is undone
 * @param requestsPerMinute requests one token may send a minute; more are answered 429
 * @param failuresPerMinute failed token checks one address may cause a minute; more are
 * answered 429 without looking at the token
 * @param idempotencyRetention how long the first answer to a request with an
 * {@code Idempotency-Key} is kept for its repeats
 */
@ConfigurationProperties("qinglang.push")
record PushProperties(@DefaultValue("16MB") DataSize maxRequestSize, @DefaultValue("120") int requestsPerMinute,
		@DefaultValue("10") int failuresPerMinute, @DefaultValue("P7D") java.time.Duration idempotencyRetention) {
}
