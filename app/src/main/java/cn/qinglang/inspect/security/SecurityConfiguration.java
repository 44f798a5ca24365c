package cn.qinglang.inspect.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Three chains: the operators' actuator endpoints and the inspectors' label-check
 * endpoint (HTTP Basic, stateless, for scripts) and the portal (form sign-in, CSRF,
 * session fixation protection, strict headers).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** No inline script or style anywhere: every asset is served from the jar. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * No observation of each security filter, authentication and authorization: with an
	 * observation registry (the actuator's) Spring Security wraps each of the chain's
	 * filters in one, work on every request that nothing here reads (the requests'
	 * metrics, {@code http.server.requests}, are observed by the web layer and stay).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain operatorEndpoints(HttpSecurity http) throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole(Role.ADMIN.name()))
			.httpBasic(Customizer.withDefaults())
			// machine clients with credentials on each request: no session, so no CSRF
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/**
	 * Scripts post samples with the inspector's credentials on each request. Stateless: a
	 * browser's session cookie does not authenticate here, so without CSRF nothing can be
	 * posted on a signed-in inspector's behalf.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain labelCheckEndpoint(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/label-check", "/api/label-check/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole(Role.INSPECTOR.name()))
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain portal(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/error", "/assets/**", "/webjars/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/audit/**")
			.hasRole(Role.AUDITOR.name())
			.requestMatchers("/enterprises/**", "/dashboard/**", "/dashboard")
			.hasAnyRole(Role.INSPECTOR.name(), Role.EXECUTIVE.name())
			.requestMatchers("/my-enterprise/**")
			.hasRole(Role.PLATFORM.name())
			// executives read inspections and orders; only inspectors act on them
			.requestMatchers(HttpMethod.GET, "/inspections/**", "/orders/**", "/summary", "/bulletins/**", "/bulletins")
			.hasAnyRole(Role.INSPECTOR.name(), Role.EXECUTIVE.name())
			.requestMatchers("/inspections/**", "/orders/**", "/summary/**")
			.hasRole(Role.INSPECTOR.name())
			// the roles that export reports; each sees its own exports only
			.requestMatchers("/exports", "/exports/**")
			.hasAnyRole(Role.INSPECTOR.name(), Role.EXECUTIVE.name(), Role.PLATFORM.name())
			// each download is checked against the order or inspection it belongs to
			.requestMatchers(HttpMethod.GET, "/files/**")
			.hasAnyRole(Role.INSPECTOR.name(), Role.EXECUTIVE.name(), Role.PLATFORM.name())
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				// sent only on secure requests, i.e. behind TLS (forwarded headers
				// honoured)
				.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** Makes sign-in successes and failures application events, for the audit log. */
	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

}
