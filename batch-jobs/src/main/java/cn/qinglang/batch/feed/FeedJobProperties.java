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
 * @param threads runs at once on this node
 * @param heartbeat how often this node beats the heartbeat of the runs it runs, and looks
 * for runs whose node stopped
 * @param heartbeatTimeout a run whose heartbeat is older is interrupted and taken over
 * @param resumeInterrupted whether a run taken over is restarted at once (otherwise it
 * waits for an administrator's "restart")
 * @param nodeId this node's name in the runs it owns (empty: the host name); the process
 * id and a random suffix are always added, so that a restarted node never passes for the
 * one that died
 */
@ConfigurationProperties("qinglang.feeds.job")
public record FeedJobProperties(@DefaultValue("5000") int chunkSize, @DefaultValue("5000") int pageSize,
		@DefaultValue("30s") Duration requestTimeout, @DefaultValue("4") int retries,
		@DefaultValue("500ms") Duration retryDelay, @DefaultValue("2") int threads,
		@DefaultValue("10s") Duration heartbeat, @DefaultValue("30s") Duration heartbeatTimeout,
		@DefaultValue("true") boolean resumeInterrupted, String nodeId) {
}
