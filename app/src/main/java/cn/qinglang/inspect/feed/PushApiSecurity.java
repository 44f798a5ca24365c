package cn.qinglang.inspect.feed;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.core.io.JsonStringEncoder;

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
 * slowed down (429) and every failure is in the audit log. Bucket4j keeps the counts, in
 * the database ({@link PushRates}), so that every node counts them.
 */
@Configuration(proxyBeanMethods = false)
class PushApiSecurity {

	static final String ROLE = "PUSH";

	@Bean
	@Order(0)
	SecurityFilterChain pushApi(HttpSecurity http, ApiTokens tokens, AuditLog audit, PushRates rates) throws Exception {
		http.securityMatcher("/api/v1/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(PushApiController.CONTRACT)
				.permitAll()
				.anyRequest()
				.hasRole(ROLE))
			.addFilterBefore(new TokenFilter(tokens, audit, rates), BasicAuthenticationFilter.class)
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
		StringBuilder body = new StringBuilder("{\"error\":\"").append(code).append("\",\"message\":\"");
		JsonStringEncoder.getInstance().quoteAsString(message, body);
		response.getWriter().write(body.append("\"}").toString());
	}

	/** Checks the bearer token; counts an address's failures. */
	static final class TokenFilter extends OncePerRequestFilter {

		private final ApiTokens tokens;

		private final AuditLog audit;

		private final PushRates rates;

		TokenFilter(ApiTokens tokens, AuditLog audit, PushRates rates) {
			this.tokens = tokens;
			this.audit = audit;
			this.rates = rates;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (PushApiController.CONTRACT.equals(request.getRequestURI())) {
				chain.doFilter(request, response);
				return;
			}
			String address = request.getRemoteAddr();
			if (this.rates.addressBlocked(address)) {
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
				this.rates.addressFailed(address);
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
