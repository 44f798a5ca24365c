package cn.qinglang.inspect.security;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.HeaderHttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

import cn.qinglang.inspect.support.PortalClient;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;
import cn.qinglang.inspect.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page costs the sessions' table: its last access written once a minute, not on
 * every page; the session read once a request, though Spring Session's filter asks for it
 * again after the page is sent.
 */
@PortalTest
class SessionStoreIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcIndexedSessionRepository sessions;

	private long lastAccess(String sessionId) {
		return this.jdbc.sql("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = :id")
			.param("id", sessionId)
			.query(Long.class)
			.single();
	}

	@Test
	void theLastAccessIsWrittenWhenTheStoredOneIsAMinuteOld() throws Exception {
		TestAccounts.create(this.jdbc, "session-touch", "INSPECTOR", "110108");
		PortalClient user = new PortalClient(this.port);
		user.signIn("session-touch", SignIn.DEMO_PASSWORD);
		long signedIn = lastAccess(user.sessionId());
		for (int i = 0; i < 3; i++) {
			assertThat(user.get("/account/password").statusCode()).isEqualTo(200);
		}
		assertThat(lastAccess(user.sessionId())).as("pages within the minute write nothing").isEqualTo(signedIn);

		// the stored last access two minutes ago: the next page writes its own time
		this.jdbc.sql("""
				UPDATE SPRING_SESSION SET LAST_ACCESS_TIME = LAST_ACCESS_TIME - 120000,
				  EXPIRY_TIME = EXPIRY_TIME - 120000
				WHERE SESSION_ID = :id""").param("id", user.sessionId()).update();
		long before = System.currentTimeMillis();
		assertThat(user.get("/account/password").statusCode()).isEqualTo(200);
		long written = lastAccess(user.sessionId());
		assertThat(written).isGreaterThanOrEqualTo(before);
		assertThat(this.jdbc.sql("SELECT EXPIRY_TIME FROM SPRING_SESSION WHERE SESSION_ID = :id")
			.param("id", user.sessionId())
			.query(Long.class)
			.single()).as("the idle time-out counted from it").isEqualTo(written + 1800 * 1000);
	}

	@Test
	void aPageLargerThanTheResponseBufferReadsItsSessionOnce() throws Exception {
		AtomicInteger reads = new AtomicInteger();
		CountingReads counted = new CountingReads(sessionsOfAnyKind(), reads);
		Session stored = counted.createSession();
		stored.setAttribute("greeting", "ni hao");
		counted.save(stored);
		SessionStore store = new SessionStore(counted, Duration.ofMinutes(1));
		SessionRepositoryFilter<?> sessionFilter = new SessionRepositoryFilter<>(store);
		sessionFilter.setHttpSessionIdResolver(HeaderHttpSessionIdResolver.xAuthToken());

		MockHttpServletResponse page = serve(stored.getId(), SessionStore.requestScope(), sessionFilter);
		assertThat(page.getContentAsString()).startsWith("ni hao").hasSizeGreaterThan(16 * 1024);
		assertThat(page.isCommitted()).isTrue();
		assertThat(reads).as("reads of the session in one request").hasValue(1);

		// Spring Session's filter alone reads it again after the page was sent
		reads.set(0);
		serve(stored.getId(), sessionFilter);
		assertThat(reads).hasValue(2);
	}

	@SuppressWarnings("unchecked")
	private SessionRepository<Session> sessionsOfAnyKind() {
		return (SessionRepository<Session>) (SessionRepository<?>) this.sessions;
	}

	/** A request with the session's id, through the filters, to a page of 20 KB. */
	private static MockHttpServletResponse serve(String sessionId, Filter... filters) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");
		request.addHeader("X-Auth-Token", sessionId);
		MockHttpServletResponse response = new MockHttpServletResponse();
		HttpServlet servlet = new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
				PrintWriter writer = resp.getWriter();
				writer.print((String) req.getSession().getAttribute("greeting"));
				writer.print(".".repeat(20 * 1024));
				writer.flush();
			}
		};
		new MockFilterChain(servlet, filters).doFilter(request, response);
		return response;
	}

	/** The real repository, its reads counted. */
	private record CountingReads(SessionRepository<Session> sessions,
			AtomicInteger reads) implements SessionRepository<Session> {

		@Override
		public Session createSession() {
			return this.sessions.createSession();
		}

		@Override
		public void save(Session session) {
			this.sessions.save(session);
		}

		@Override
		public Session findById(String id) {
			this.reads.incrementAndGet();
			return this.sessions.findById(id);
		}

		@Override
		public void deleteById(String id) {
			this.sessions.deleteById(id);
		}

	}

}
