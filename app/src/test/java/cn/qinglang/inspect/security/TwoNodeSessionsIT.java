package cn.qinglang.inspect.security;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.inspect.QinglangInspectApplication;
import cn.qinglang.inspect.support.PortalClient;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;
import cn.qinglang.inspect.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two portal nodes on one database, as behind a load balancer: the test's portal and a
 * second one started beside it on the same MariaDB. The session lives in the database
 * (Spring Session JDBC), so a user goes on on the other node, a form of one node is
 * accepted by the other, a sign-out ends the session on both, the idle time-out and the
 * lockout count on both.
 */
@PortalTest
class TwoNodeSessionsIT {

	private static ConfigurableApplicationContext second;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecurityProperties security;

	@BeforeEach
	void startTheSecondNode() throws Exception {
		if (second == null) {
			HikariDataSource first = this.dataSource.unwrap(HikariDataSource.class);
			second = new SpringApplicationBuilder(QinglangInspectApplication.class).profiles("demo", "test")
				.properties("server.port=0", "spring.datasource.url=" + first.getJdbcUrl(),
						"spring.datasource.username=" + first.getUsername(),
						"spring.datasource.password=" + first.getPassword(), "spring.jmx.enabled=false")
				.run();
		}
	}

	@AfterAll
	static void stopTheSecondNode() {
		if (second != null) {
			second.close();
			second = null;
		}
	}

	/** The path (and query) an answer redirects to, or "" when it does not. */
	private static String redirect(HttpResponse<?> answer) {
		return answer.headers()
			.firstValue("Location")
			.map(URI::create)
			.map((uri) -> uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""))
			.orElse("");
	}

	private int secondPort() {
		return Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
	}

	@Test
	void aUserSignedInOnOneNodeGoesOnOnTheOtherAndASignOutEndsTheSessionOnBoth() throws Exception {
		PortalClient first = new PortalClient(this.port);
		assertThat(redirect(first.signIn("inspector", SignIn.DEMO_PASSWORD))).isEqualTo("/");
		PortalClient other = first.onPort(secondPort());
		assertThat(other.get("/account/password").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT MAX_INACTIVE_INTERVAL FROM SPRING_SESSION WHERE SESSION_ID = :id")
			.param("id", first.sessionId())
			.query(Integer.class)
			.single()).as("the 30-minute idle time-out, kept with the session").isEqualTo(1800);

		// the sign-out form of the first node, posted to the second
		HttpResponse<String> signOut = other.post("/logout", first.csrfToken("/account/password"), Map.of());
		assertThat(redirect(signOut)).isEqualTo("/login?logout");
		assertThat(redirect(first.get("/account/password"))).as("signed out on the other node").isEqualTo("/login");
	}

	@Test
	void aFormRenderedByOneNodeIsAcceptedByTheOtherAndAForgedOneIsNot() throws Exception {
		TestAccounts.create(this.jdbc, "two-nodes-form", "INSPECTOR", "110108");
		PortalClient first = new PortalClient(this.port);
		first.signIn("two-nodes-form", SignIn.DEMO_PASSWORD);
		String token = first.csrfToken("/account/password");
		PortalClient other = first.onPort(secondPort());
		assertThat(other.post("/account/password", "forged-" + token, Map.of()).statusCode()).isEqualTo(403);

		String changed = "Two-Nodes-2026-form!";
		HttpResponse<String> saved = other.post("/account/password", token,
				Map.of("currentPassword", SignIn.DEMO_PASSWORD, "newPassword", changed, "confirmPassword", changed));
		assertThat(redirect(saved)).as(saved.body()).isEqualTo("/");
		assertThat(redirect(new PortalClient(this.port).signIn("two-nodes-form", changed)))
			.as("the new password, set on the other node")
			.isEqualTo("/");
	}

	@Test
	void aSessionIdleForThirtyMinutesEndsOnBothNodes() throws Exception {
		PortalClient first = new PortalClient(this.port);
		first.signIn("executive", SignIn.DEMO_PASSWORD);
		PortalClient other = first.onPort(secondPort());
		assertThat(other.get("/account/password").statusCode()).isEqualTo(200);
		// its last request 31 minutes ago, on whichever node
		assertThat(this.jdbc.sql("""
				UPDATE SPRING_SESSION SET LAST_ACCESS_TIME = LAST_ACCESS_TIME - 31 * 60 * 1000,
				  EXPIRY_TIME = EXPIRY_TIME - 31 * 60 * 1000
				WHERE SESSION_ID = :id""").param("id", first.sessionId()).update()).isOne();
		assertThat(redirect(other.get("/account/password"))).isEqualTo("/login");
		assertThat(redirect(first.get("/account/password"))).isEqualTo("/login");
	}

	@Test
	void failedSignInsOnBothNodesCountTowardsOneLockout() throws Exception {
		TestAccounts.create(this.jdbc, "two-nodes-lock", "INSPECTOR", "110108");
		int attempts = this.security.lockout().maxAttempts();
		for (int i = 0; i < attempts; i++) {
			PortalClient node = new PortalClient((i % 2 == 0) ? this.port : secondPort());
			assertThat(redirect(node.signIn("two-nodes-lock", "wrong-" + i))).isEqualTo("/login?error");
		}
		for (int port : new int[] { this.port, secondPort() }) {
			assertThat(redirect(new PortalClient(port).signIn("two-nodes-lock", SignIn.DEMO_PASSWORD)))
				.as("locked on the node on port %d", port)
				.isEqualTo("/login?error");
		}
	}

}
