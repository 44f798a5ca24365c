package cn.qinglang.inspect.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.core.io.JsonStringEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import cn.qinglang.batch.feed.NodeWatch;

/**
 * A node whose database cannot be used (unreachable, or a Galera node outside the primary
 * component, or not synced: {@link DatabaseNodeHealth} down) answers every page and API
 * call with 503, a short bilingual page saying so and {@code Retry-After}, instead of
 * half-working pages and 500s; health and the static assets stay served, so that a load
 * balancer sees it and sends users to another node. The database node is looked at every
 * two seconds on a thread of its own, never on a request's.
 */
class DatabaseNodeGuard extends OncePerRequestFilter {

	static final Duration INTERVAL = Duration.ofSeconds(2);

	private static final Logger log = LoggerFactory.getLogger(DatabaseNodeGuard.class);

	private static final String RETRY_AFTER_SECONDS = "10";

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="zh-CN">
			<head><meta charset="UTF-8"><title>数据库暂不可用 · Qinglang Inspect</title>
			<meta name="viewport" content="width=device-width, initial-scale=1"></head>
			<body style="font-family: sans-serif; color: #212529; background: #fff; margin: 3rem;">
			<main>
			<h1 id="database-unavailable">数据库暂不可用</h1>
			<p>本节点暂时无法使用数据库（%s），请稍后重试；集群中的其他节点可能仍可使用。</p>
			<p lang="en">This node cannot use its database at the moment (%s). Please try again shortly; other
			nodes of the cluster may still serve you.</p>
			</main>
			</body>
			</html>
			""";

	private volatile Health health = Health.up().build();

	/** Looks at the database node now: what the watch does every two seconds. */
	void look(DatabaseNodeHealth node) {
		Health now = node.health(true);
		if (!now.getStatus().equals(this.health.getStatus())) {
			if (Status.UP.equals(now.getStatus())) {
				log.info("Database node usable again: serving pages ({})", now.getDetails());
			}
			else {
				log.warn("Database node not usable: answering pages with 503 until it is ({})", now.getDetails());
			}
		}
		this.health = now;
	}

	/** The last look's result: the {@code databaseNode} component of the health. */
	Health health() {
		return this.health;
	}

	boolean usable() {
		return Status.UP.equals(this.health.getStatus());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return usable() || path.startsWith("/actuator/") || path.startsWith("/assets/") || path.startsWith("/webjars/")
				|| path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String reason = reason();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			StringBuilder body = new StringBuilder("{\"error\":\"DATABASE_UNAVAILABLE\",\"message\":\"");
			JsonStringEncoder.getInstance().quoteAsString(reason, body);
			response.getWriter()
				.write(body.append("\",\"retryAfterSeconds\":").append(RETRY_AFTER_SECONDS).append('}').toString());
			return;
		}
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		String escaped = HtmlUtils.htmlEscape(reason, StandardCharsets.UTF_8.name());
		response.getWriter().write(PAGE.formatted(escaped, escaped));
	}

	private String reason() {
		Object error = this.health.getDetails().get("error");
		if (error != null) {
			return String.valueOf(error);
		}
		Object status = this.health.getDetails().get("clusterStatus");
		Object state = this.health.getDetails().get("nodeState");
		return "Galera " + status + ", " + state;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		DatabaseNodeGuard databaseNodeGuard() {
			return new DatabaseNodeGuard();
		}

		/** Before every other filter: the session's, which reads the database, too. */
		@Bean
		FilterRegistrationBean<DatabaseNodeGuard> databaseNodeGuardRegistration(DatabaseNodeGuard guard) {
			FilterRegistrationBean<DatabaseNodeGuard> registration = new FilterRegistrationBean<>(guard);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

		@Bean
		Watch databaseNodeWatch(DatabaseNodeGuard guard, DataSource dataSource) {
			return new Watch(guard, new DatabaseNodeHealth(dataSource));
		}

		/**
		 * In place of Boot's {@code db} check, which waits for the database as long as it
		 * keeps it.
		 */
		@Bean("databaseNode")
		HealthIndicator databaseNode(DatabaseNodeGuard guard) {
			return guard::health;
		}

	}

	/** The look every two seconds, on every node. */
	static class Watch extends NodeWatch {

		private final DatabaseNodeGuard guard;

		private final DatabaseNodeHealth node;

		Watch(DatabaseNodeGuard guard, DatabaseNodeHealth node) {
			super("database-node-watch", INTERVAL);
			this.guard = guard;
			this.node = node;
		}

		/** Looks once before the node serves, then every two seconds. */
		@Override
		public synchronized void start() {
			this.guard.look(this.node);
			super.start();
		}

		@Override
		protected void watch() {
			this.guard.look(this.node);
		}

	}

}
