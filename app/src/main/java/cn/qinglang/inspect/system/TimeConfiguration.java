package cn.qinglang.inspect.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The portal's one clock, in its one zone ({@code qinglang.portal.display-zone}): what
 * "now" and "today" are for every module, the feeds' days and the SQL's day boundaries
 * included. Tests replace it to move time or the zone.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(PortalProperties portal) {
		return Clock.system(portal.displayZone());
	}

}
