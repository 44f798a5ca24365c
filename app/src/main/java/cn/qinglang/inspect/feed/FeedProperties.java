package cn.qinglang.inspect.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tokenKey AES-256 key for the platforms' bearer tokens, 32 bytes in Base64
 * @param nightlyCron when enabled feeds without a schedule of their own are pulled (in
 * the portal's zone, {@code qinglang.portal.display-zone})
 * @param uploadRetention how long a failed or interrupted upload run keeps its file (in
 * the database) to be restarted; then the file is deleted and the run no longer
 * restartable
 * @param silentAfter a feed without a successful run for longer is flagged
 * @param volumeDropRatio a day below this share of the feed's recent daily norm is
 * flagged
 * @param normDays how many days before make the norm
 * @param demoIngestOnStart demo profile: ingest the simulated platforms at the first
 * start
 */
@ConfigurationProperties("qinglang.feeds")
record FeedProperties(String tokenKey, @DefaultValue("0 30 1 * * *") String nightlyCron,
		@DefaultValue("7d") Duration uploadRetention, @DefaultValue("2d") Duration silentAfter,
		@DefaultValue("0.3") double volumeDropRatio, @DefaultValue("28") int normDays) {
}
