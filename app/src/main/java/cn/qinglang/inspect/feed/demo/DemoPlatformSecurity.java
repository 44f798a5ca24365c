package cn.qinglang.inspect.feed.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Demo profile only: the simulated platforms are machine endpoints that check their own
 * bearer tokens, so the portal's sign-in, session and CSRF do not apply to them.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoPlatformSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain demoPlatformEndpoints(HttpSecurity http) throws Exception {
		http.securityMatcher("/demo-platform/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

}
