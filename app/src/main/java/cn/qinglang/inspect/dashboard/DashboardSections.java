package cn.qinglang.inspect.dashboard;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.servlet.ServletContext;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.IWebApplication;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import cn.qinglang.inspect.enterprise.EnterpriseScope;

/**
 * The campaign dashboard's content rendered once per computed view and language, then
 * served as it is: the page is some 150 KB of tables whose thousands of expressions cost
 * most of a request's CPU, while the view behind them changes only when the aggregates
 * do. Keyed by the view itself (the instance {@link ViewCache} hands out for a scope and
 * filter, replaced when the data changes), so a new view is rendered anew. The content is
 * rendered from the view and its scope alone, with no request
 * ({@link ApplicationExchange}): nothing of the user who first asked for it can be in it,
 * and the warm-up renders the views it computes before anyone asks. The layout around it
 * (the navigation with the user's name, the sign-out form with its CSRF token, the
 * scripts) is rendered on every request.
 */
@Component
class DashboardSections {

	/** Views kept rendered, the least recently used dropped first (each some 150 KB). */
	static final int SIZE = 64;

	/** The campaign dashboard's template; its fragment {@code body} is the content. */
	private static final String CAMPAIGN = "dashboard/campaign-body";

	private final ITemplateEngine templates;

	private final IWebApplication application;

	private final String applicationPath;

	private final DashboardVariables variables;

	/**
	 * Rendered content by view: a content is never stale, its view is replaced instead.
	 */
	private final ViewCache rendered = new ViewCache(SIZE, Duration.ZERO);

	private final Map<Key, CompletableFuture<String>> rendering = new ConcurrentHashMap<>();

	DashboardSections(ITemplateEngine templates, ServletContext servletContext, DashboardVariables variables) {
		this.templates = templates;
		this.application = JakartaServletWebApplication.buildApplication(servletContext);
		this.applicationPath = servletContext.getContextPath();
		this.variables = variables;
	}

	/**
	 * The campaign dashboard's content for the view, computed for the scope, in the
	 * language: rendered on first use.
	 */
	String campaign(CampaignView view, EnterpriseScope scope, Locale locale) {
		Key key = new Key(CAMPAIGN, new Identity(view), locale);
		return this.rendered.get(key, 0,
				() -> renderOnce(key, locale, () -> this.variables.campaign(view, scope, locale)));
	}

	/** One rendering of a new view; the other requests for it wait for that one. */
	private String renderOnce(Key key, Locale locale, Supplier<Map<String, Object>> variables) {
		CompletableFuture<String> mine = new CompletableFuture<>();
		CompletableFuture<String> running = this.rendering.putIfAbsent(key, mine);
		if (running != null) {
			return running.join();
		}
		try {
			WebContext context = new WebContext(new ApplicationExchange(this.application, this.applicationPath, locale),
					locale, variables.get());
			String html = this.templates.process(key.template(), Set.of("body"), context);
			mine.complete(html);
			return html;
		}
		catch (RuntimeException | Error ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.rendering.remove(key, mine);
		}
	}

	private record Key(String template, Identity view, Locale locale) {
	}

	/** A view compared by identity: a record's equality would compare every row. */
	private static final class Identity {

		private final Object value;

		Identity(Object value) {
			this.value = value;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Identity identity && identity.value == this.value;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.value);
		}

	}

}
