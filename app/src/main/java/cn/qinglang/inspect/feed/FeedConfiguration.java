package cn.qinglang.inspect.feed;

import java.util.Arrays;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import cn.qinglang.batch.feed.FeedJobConfiguration;
import cn.qinglang.batch.feed.TokenCipher;

/**
 * Runs the batch library's feed job in-process, with the token key from configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ FeedProperties.class, PushProperties.class })
@Import(FeedJobConfiguration.class)
class FeedConfiguration {

	/** For the demo and the tests only: never used when a key is configured. */
	private static final String DEV_KEY = "cWluZ2xhbmctZGVtby1mZWVkLXRva2VuLWtleS0wMDE=";

	@Bean
	TokenCipher feedTokenCipher(FeedProperties properties, Environment environment) {
		String key = properties.tokenKey();
		boolean devProfile = Arrays.stream(environment.getActiveProfiles())
			.anyMatch((profile) -> profile.equals("demo") || profile.equals("test"));
		return new TokenCipher((key == null || key.isBlank()) && devProfile ? DEV_KEY : key);
	}

}
