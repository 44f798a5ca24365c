package cn.qinglang.inspect.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.qinglang.batch.feed.FeedNode;

/**
 * This process as a node of the cluster: the name written in the work it owns (feed runs,
 * background exports) and in its heartbeats. It is new at each start (host, process id
 * and a random suffix), so that a node restarted after a crash never passes for its
 * former self; feed runs and exports carry the same name.
 *
 * @param id the node's name, at most 100 characters
 */
public record PortalNode(String id) {

	@Configuration(proxyBeanMethods = false)
	static class Definition {

		@Bean
		PortalNode portalNode(FeedNode feedNode) {
			return new PortalNode(feedNode.id());
		}

	}

}
