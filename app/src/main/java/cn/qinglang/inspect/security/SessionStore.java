package cn.qinglang.inspect.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The sessions of the database (Spring Session JDBC) as a page needs them: read once and
 * written when they change.
 * <ul>
 * <li>The time of a session's last request is written when it is at least
 * {@code touchEvery} older than the one stored, not on every page: that was an UPDATE and
 * a commit with its log flush for every page. A session idle for its time-out may so end
 * up to {@code touchEvery} early; its attributes (the sign-in, a form's token) are still
 * written when they change.</li>
 * <li>Spring Session's filter saves the session when the response is committed (the first
 * 8 KB of a page) and again at the end of the request, and before the second save it
 * reads the session once more to compare its id (spring-session#1731): within a request
 * ({@link #requestScope()}), the session just saved is that answer.</li>
 * </ul>
 */
final class SessionStore implements SessionRepository<SessionStore.StoredSession> {

	/** The session last saved by this thread's request, while one is under way. */
	private static final ThreadLocal<RequestScope> scope = new ThreadLocal<>();

	private final SessionRepository<Session> delegate;

	private final Duration touchEvery;

	@SuppressWarnings("unchecked")
	SessionStore(SessionRepository<? extends Session> delegate, Duration touchEvery) {
		this.delegate = (SessionRepository<Session>) delegate;
		this.touchEvery = touchEvery;
	}

	@Override
	public StoredSession createSession() {
		return new StoredSession(this.delegate.createSession());
	}

	@Override
	public void save(StoredSession session) {
		this.delegate.save(session.stored);
		RequestScope request = scope.get();
		if (request != null) {
			request.saved = session;
		}
	}

	@Override
	public StoredSession findById(String id) {
		RequestScope request = scope.get();
		if (request != null && request.saved != null && request.saved.getId().equals(id)) {
			return request.saved;
		}
		Session found = this.delegate.findById(id);
		return (found != null) ? new StoredSession(found) : null;
	}

	@Override
	public void deleteById(String id) {
		RequestScope request = scope.get();
		if (request != null) {
			request.saved = null;
		}
		this.delegate.deleteById(id);
	}

	/**
	 * The filter that bounds what a request remembers: it must run outside Spring
	 * Session's filter, on the same dispatches.
	 */
	static Filter requestScope() {
		return SessionStore::withinRequest;
	}

	private static void withinRequest(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		RequestScope outer = scope.get();
		scope.set(new RequestScope());
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (outer != null) {
				scope.set(outer);
			}
			else {
				scope.remove();
			}
		}
	}

	private static final class RequestScope {

		StoredSession saved;

	}

	/**
	 * A session of the database; its last access passed on only when it is
	 * {@code touchEvery} later than the one it holds (read from the table, or set since:
	 * a new session's is its creation, written with it).
	 */
	final class StoredSession implements Session {

		private final Session stored;

		private StoredSession(Session stored) {
			this.stored = stored;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(this.stored.getLastAccessedTime().plus(SessionStore.this.touchEvery))) {
				this.stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return this.stored.getId();
		}

		@Override
		public String changeSessionId() {
			return this.stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.stored.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.stored.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.stored.isExpired();
		}

	}

}
