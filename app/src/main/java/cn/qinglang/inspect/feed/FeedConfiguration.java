package cn.qinglang.inspect.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import cn.qinglang.batch.feed.FeedJobConfiguration;
import cn.qinglang.batch.feed.TokenCipher;
import cn.qinglang.batch.feed.UploadStore;
import cn.qinglang.inspect.files.Blobs;

/**
 * Runs the batch library's feed job in-process, with the token key from configuration and
 * the uploaded files kept in the database.
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

	@Bean
	UploadStore feedUploadStore(Blobs blobs) {
		return new UploadStore() {

			@Override
			public Path copyToLocal(String sha256) throws IOException {
				Path copy = blobs.newTempFile("feed-upload-");
				try (InputStream content = blobs.open(sha256)) {
					Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
				}
				return copy;
			}

			@Override
			public void delete(String sha256) {
				blobs.delete(sha256);
			}

		};
	}

}
