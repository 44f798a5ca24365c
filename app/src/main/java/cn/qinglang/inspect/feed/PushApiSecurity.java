package cn.qinglang.inspect.feed;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.feed.ApiTokens.ApiToken;

/**
 * The push API's own security: a bearer token on every request, nothing else. Stateless
 * (a session cookie authenticates nothing here, so the API needs no CSRF token); a
 * missing, revoked or expired token is answered 401; an address that keeps failing is
 * slowed down (429) and every failure is in the audit log. Bucket4j keeps the counts.
 */
@Configuration(proxyBeanMethods = false)
class PushApiSecurity {

	static final String ROLE = "PUSH";

	@Bean
	@Order(0)
	SecurityFilterChain pushApi(HttpSecurity http, ApiTokens tokens, AuditLog audit, PushProperties properties)
			throws Exception {
		http.securityMatcher("/api/v1/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(PushApiController.CONTRACT)
				.permitAll()
				.anyRequest()
				.hasRole(ROLE))
			.addFilterBefore(new TokenFilter(tokens, audit, properties), BasicAuthenticationFilter.class)
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
				problem(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED",
						"a valid token is required: Authorization: Bearer qlt_…");
			}));
		return http.build();
	}

	static void problem(HttpServletResponse response, int status, String code, String message) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"error\":\"" + code + "\",\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"")
					+ "\"}");
	}

	/** Checks the bearer token; counts an address's failures. */
	static final class TokenFilter extends OncePerRequestFilter {

		private static final int ADDRESSES = 10_000;

		private final ApiTokens tokens;

		private final AuditLog audit;

		private final PushProperties properties;

		// failures by address, the least recently failing forgotten first
		private final Map<String, Bucket> failures = java.util.Collections
			.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
					return size() > ADDRESSES;
				}
			});

		TokenFilter(ApiTokens tokens, AuditLog audit, PushProperties properties) {
			this.tokens = tokens;
			this.audit = audit;
			this.properties = properties;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (PushApiController.CONTRACT.equals(request.getRequestURI())) {
				chain.doFilter(request, response);
				return;
			}
			String address = request.getRemoteAddr();
			Bucket failed = this.failures.get(address);
			if (failed != null && failed.getAvailableTokens() <= 0) {
				response.setHeader(HttpHeaders.RETRY_AFTER, "60");
				problem(response, 429, "TOO_MANY_FAILURES",
						"too many requests with a bad token from this address: wait a minute");
				return;
			}
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			String secret = (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7))
					? header.substring(7).strip() : null;
			Optional<ApiToken> token = (secret != null) ? this.tokens.authenticate(secret) : Optional.empty();
			if (token.isPresent()) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(new PreAuthenticatedAuthenticationToken(token.get(), null,
						List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
				SecurityContextHolder.setContext(context);
			}
			else {
				this.failures
					.computeIfAbsent(address,
							(key) -> Bucket.builder()
								.addLimit(Bandwidth.builder()
									.capacity(this.properties.failuresPerMinute())
									.refillGreedy(this.properties.failuresPerMinute(), Duration.ofMinutes(1))
									.build())
								.build())
					.tryConsume(1);
				logger.warn("push API: " + ((secret == null) ? "no token" : "an unknown, revoked or expired token")
						+ " from " + address);
				this.audit.recordAs(null, null, address,
						AuditEvent.change("PUSH_REFUSED", "api_token",
								(secret != null && secret.length() >= 12) ? secret.substring(0, 12) : "-", null,
								Map.of("reason", (secret == null) ? "no token" : "unknown, revoked or expired")));
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}

	}

}
