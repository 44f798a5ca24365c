package cn.qinglang.inspect.system;

import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The portal's own files and the WebJars under URLs that carry a hash of their content
 * ({@code portal-3f2a….css}), cached by browsers for a year without asking again: a new
 * file is a new URL. Thymeleaf's {@code @{…}} links get the hash through the
 * {@link ResourceUrlEncodingFilter}. Pages themselves stay {@code no-store} (Spring
 * Security's default, which it only writes when a response has no cache header of its
 * own). Boot's default resource mappings are off
 * ({@code spring.web.resources.add-mappings}) since they cannot say {@code immutable}.
 */
@Configuration(proxyBeanMethods = false)
class AssetConfiguration implements WebMvcConfigurer {

	static final CacheControl HASHED_ASSET = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final String assetPattern;

	AssetConfiguration(WebMvcProperties mvc) {
		this.assetPattern = mvc.getStaticPathPattern();
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(this.assetPattern)
			.addResourceLocations("classpath:/static/")
			.setCacheControl(HASHED_ASSET)
			.resourceChain(true)
			.addResolver(contentHashed());
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(HASHED_ASSET)
			.resourceChain(true)
			.addResolver(contentHashed());
	}

	/** Rewrites every URL a page encodes ({@code @{…}}) that names an asset. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.addUrlPatterns("/*");
		return registration;
	}

	/**
	 * The hash of a file's bytes in its name: {@code app.css} is {@code app-<md5>.css}.
	 */
	static VersionResourceResolver contentHashed() {
		return new VersionResourceResolver().addContentVersionStrategy("/**");
	}

}
