package cn.qinglang.inspect.system;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node whose database is not there (a real refused connection) answers pages and API
 * calls with 503 and says why, and keeps serving health and the static assets; every
 * other test of the portal passes through the guard with its database up.
 */
class DatabaseNodeGuardTests {

	@Test
	void pagesAndApiCallsAnswer503WithTheReasonWhileHealthAndAssetsAreServed() throws Exception {
		DatabaseNodeGuard guard = new DatabaseNodeGuard();
		assertThat(guard.usable()).isTrue();

		guard.look(new DatabaseNodeHealth(unreachable()));

		assertThat(guard.usable()).isFalse();
		MockHttpServletResponse page = request(guard, "/dashboard");
		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getHeader("Retry-After")).isEqualTo("10");
		assertThat(page.getContentType()).startsWith("text/html");
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("数据库暂不可用", "lang=\"zh-CN\"",
				"<h1 id=\"database-unavailable\">", "SQLNonTransientConnectionException", "127.0.0.1");
		MockHttpServletResponse api = request(guard, "/api/v1/records");
		assertThat(api.getStatus()).isEqualTo(503);
		assertThat(api.getContentAsString(StandardCharsets.UTF_8)).startsWith("{\"error\":\"DATABASE_UNAVAILABLE\"");
		for (String served : new String[] { "/actuator/health", "/assets/css/portal.css" }) {
			MockHttpServletResponse response = request(guard, served);
			assertThat(response.getStatus()).as(served).isEqualTo(200);
			assertThat(response.getContentAsString()).as(served).isEqualTo("served");
		}
	}

	private static MockHttpServletResponse request(DatabaseNodeGuard guard, String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		guard.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req,
					jakarta.servlet.http.HttpServletResponse resp) throws java.io.IOException {
				resp.getWriter().write("served");
			}
		}));
		return response;
	}

	private static DriverManagerDataSource unreachable() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		return new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:" + port + "/qinglang?connectTimeout=2000",
				"qinglang", "none");
	}

}
