package cn.qinglang.db;

import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A portal pointed at a database that is not there says which URL and what the driver
 * answered, with what to check: over a real refused connection, and a real start.
 */
class DatabaseUnreachableTests {

	@Test
	void refusedConnectionNamesTheUrlTheDriversAnswerAndWhatToCheck() throws Exception {
		String url = "jdbc:mariadb://127.0.0.1:" + freePort() + "/qinglang";
		SQLException refused = connect(url);
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("qinglang.db.url", url)));

		FailureAnalysis analysis = new DatabaseUnreachable(environment)
			.analyze(new IllegalStateException("Failed to initialize pool", refused));

		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains(url).contains(refused.getMessage());
		assertThat(analysis.getAction()).contains("QINGLANG_DB_URL").contains("at least one Galera node");
	}

	@Test
	void galeraNodeOutsideThePrimaryComponentIsToldApart() {
		SQLException notPrepared = new SQLException("WSREP has not yet prepared node for application use", "08S01",
				DatabaseUnreachable.NOT_PREPARED);

		FailureAnalysis analysis = new DatabaseUnreachable(new StandardEnvironment()).analyze(notPrepared);

		assertThat(analysis.getDescription()).contains("not part of its Galera cluster's primary component");
		assertThat(analysis.getAction()).contains("jdbc:mariadb:sequential://");
	}

	@Test
	void otherSqlErrorsAreLeftToTheirOwnAnalysis() {
		assertThat(new DatabaseUnreachable(new StandardEnvironment())
			.analyze(new SQLException("Table 'x' doesn't exist", "42S02", 1146))).isNull();
	}

	@Test
	void aStartOnAnUnreachableDatabaseFailsAndIsExplained() throws Exception {
		String url = "jdbc:mariadb://127.0.0.1:" + freePort() + "/qinglang?connectTimeout=2000";
		SpringApplication application = new SpringApplication(ChangelogTests.TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatThrownBy(() -> application.run("--qinglang.db.url=" + url, "--qinglang.db.user=qinglang",
				"--qinglang.db.password=none", "--spring.datasource.hikari.initialization-fail-timeout=1"))
			.satisfies((failure) -> {
				// as Spring Boot finds its failure analyzers at a failed start (Boot's
				// own,
				// which want the failed context's bean factory, are passed over here)
				StandardEnvironment environment = new StandardEnvironment();
				environment.getPropertySources()
					.addFirst(new MapPropertySource("test", Map.of("qinglang.db.url", url)));
				List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
					.load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, environment),
							FailureHandler.logging(LogFactory.getLog(DatabaseUnreachableTests.class)));
				FailureAnalysis analysis = analyzers.stream()
					.filter(DatabaseUnreachable.class::isInstance)
					.findFirst()
					.orElseThrow()
					.analyze(failure);
				assertThat(analysis).as("analysis of %s", failure).isNotNull();
				assertThat(analysis.getDescription()).contains("could not connect to its database at " + url);
			});
	}

	private static SQLException connect(String url) {
		try (var connection = DriverManager.getConnection(url, "qinglang", "none")) {
			throw new AssertionError("connected to " + url);
		}
		catch (SQLException ex) {
			return ex;
		}
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
