package cn.qinglang.inspect.feed.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param seed what the simulated platforms' data is generated from
 * @param ingestOnStart whether the first start configures the demo feeds and pulls them
 * @param baseUrl where the app reaches its own simulated platforms (empty: localhost and
 * the server's port)
 */
@ConfigurationProperties("qinglang.feeds.demo")
record DemoProperties(@DefaultValue("20260518") long seed, @DefaultValue("true") boolean ingestOnStart,
		String baseUrl) {
}
