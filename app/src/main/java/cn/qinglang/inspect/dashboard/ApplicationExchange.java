package cn.qinglang.inspect.dashboard;

import java.security.Principal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.web.IWebApplication;
import org.thymeleaf.web.IWebExchange;
import org.thymeleaf.web.IWebRequest;
import org.thymeleaf.web.IWebSession;

/**
 * A web exchange of no request: what content that is the same for every user who may see
 * it is rendered with, so that nothing of the request it was first asked for (a header, a
 * parameter, a session) can end up in it, and so that it can be rendered before anyone
 * asks. Links are relative to the application's own path; a URL is not rewritten (the
 * portal keeps its session in a cookie, never in a URL). It has no user, no session, no
 * headers, cookies or parameters; its attributes are the rendering's own.
 */
final class ApplicationExchange implements IWebExchange {

	private final IWebApplication application;

	private final Request request;

	private final Locale locale;

	private final Map<String, Object> attributes = new HashMap<>();

	ApplicationExchange(IWebApplication application, String applicationPath, Locale locale) {
		this.application = application;
		this.request = new Request(applicationPath);
		this.locale = locale;
	}

	@Override
	public IWebRequest getRequest() {
		return this.request;
	}

	@Override
	public IWebSession getSession() {
		return NoSession.INSTANCE;
	}

	@Override
	public IWebApplication getApplication() {
		return this.application;
	}

	@Override
	public Principal getPrincipal() {
		return null;
	}

	@Override
	public Locale getLocale() {
		return this.locale;
	}

	@Override
	public String getContentType() {
		return "text/html;charset=UTF-8";
	}

	@Override
	public String getCharacterEncoding() {
		return "UTF-8";
	}

	@Override
	public boolean containsAttribute(String name) {
		return this.attributes.containsKey(name);
	}

	@Override
	public int getAttributeCount() {
		return this.attributes.size();
	}

	@Override
	public Set<String> getAllAttributeNames() {
		return Collections.unmodifiableSet(this.attributes.keySet());
	}

	@Override
	public Map<String, Object> getAttributeMap() {
		return Collections.unmodifiableMap(this.attributes);
	}

	@Override
	public Object getAttributeValue(String name) {
		return this.attributes.get(name);
	}

	@Override
	public void setAttributeValue(String name, Object value) {
		if (value == null) {
			this.attributes.remove(name);
		}
		else {
			this.attributes.put(name, value);
		}
	}

	@Override
	public void removeAttribute(String name) {
		this.attributes.remove(name);
	}

	@Override
	public String transformURL(String url) {
		return url;
	}

	/** A GET of the application's root with no headers, parameters or cookies. */
	private record Request(String applicationPath) implements IWebRequest {

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getScheme() {
			return "http";
		}

		@Override
		public String getServerName() {
			return "localhost";
		}

		@Override
		public Integer getServerPort() {
			return null;
		}

		@Override
		public String getApplicationPath() {
			return this.applicationPath;
		}

		@Override
		public String getPathWithinApplication() {
			return "/";
		}

		@Override
		public String getQueryString() {
			return null;
		}

		@Override
		public boolean containsHeader(String name) {
			return false;
		}

		@Override
		public int getHeaderCount() {
			return 0;
		}

		@Override
		public Set<String> getAllHeaderNames() {
			return Set.of();
		}

		@Override
		public Map<String, String[]> getHeaderMap() {
			return Map.of();
		}

		@Override
		public String[] getHeaderValues(String name) {
			return null;
		}

		@Override
		public boolean containsParameter(String name) {
			return false;
		}

		@Override
		public int getParameterCount() {
			return 0;
		}

		@Override
		public Set<String> getAllParameterNames() {
			return Set.of();
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

		@Override
		public boolean containsCookie(String name) {
			return false;
		}

		@Override
		public int getCookieCount() {
			return 0;
		}

		@Override
		public Set<String> getAllCookieNames() {
			return Set.of();
		}

		@Override
		public Map<String, String[]> getCookieMap() {
			return Map.of();
		}

		@Override
		public String[] getCookieValues(String name) {
			return null;
		}

	}

	/** No session: the content must not depend on one. */
	private enum NoSession implements IWebSession {

		INSTANCE;

		@Override
		public boolean exists() {
			return false;
		}

		@Override
		public boolean containsAttribute(String name) {
			return false;
		}

		@Override
		public int getAttributeCount() {
			return 0;
		}

		@Override
		public Set<String> getAllAttributeNames() {
			return Set.of();
		}

		@Override
		public Map<String, Object> getAttributeMap() {
			return Map.of();
		}

		@Override
		public Object getAttributeValue(String name) {
			return null;
		}

		@Override
		public void setAttributeValue(String name, Object value) {
			throw new UnsupportedOperationException("content rendered for everyone has no session");
		}

		@Override
		public void removeAttribute(String name) {
		}

	}

}
