package cn.qinglang.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A start that fails because the database cannot be used says so in one paragraph,
 * instead of a page of stack: which URL, what the driver answered, what to check. Two
 * cases: the server (every host of a multi-host URL) cannot be reached or refuses the
 * account; or the server is a Galera node outside the cluster's primary component (it
 * answers, but takes no statement: error 1047), which a portal must not start on.
 */
class DatabaseUnreachable extends AbstractFailureAnalyzer<SQLException> {

	/** "WSREP has not yet prepared node for application use". */
	static final int NOT_PREPARED = 1047;

	private final Environment environment;

	DatabaseUnreachable(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		String url = url();
		if (cause.getErrorCode() == NOT_PREPARED) {
			return new FailureAnalysis("The database node at " + url
					+ " is not part of its Galera cluster's primary component (it lost the others, or is still joining): "
					+ cause.getMessage(),
					"Start the cluster's other nodes or let this one finish joining (SHOW STATUS LIKE 'wsrep_%': "
							+ "wsrep_cluster_status Primary, wsrep_local_state_comment Synced), or list the other nodes "
							+ "in the URL (jdbc:mariadb:sequential://node1,node2,node3/qinglang). The portal does not "
							+ "start on a node it could not write to.",
					cause);
		}
		if (cause instanceof SQLNonTransientConnectionException || isConnectionState(cause.getSQLState())) {
			return new FailureAnalysis(
					"The portal could not connect to its database at " + url + ": " + cause.getMessage(),
					"Check that the MariaDB server (in a cluster: at least one Galera node of the URL) runs and is "
							+ "reachable from this host, and that QINGLANG_DB_URL, QINGLANG_DB_USER and "
							+ "QINGLANG_DB_PASSWORD (or spring.datasource.*) name it and its account. Without "
							+ "either, the portal starts its own embedded MariaDB.",
					cause);
		}
		return null;
	}

	private String url() {
		String url = this.environment.getProperty("qinglang.db.url");
		if (url == null || url.isBlank()) {
			url = this.environment.getProperty("spring.datasource.url", "the embedded MariaDB");
		}
		return url;
	}

	/** SQLSTATE class 08: connection exception; 28: invalid authorization. */
	private static boolean isConnectionState(String state) {
		return state != null && (state.startsWith("08") || state.startsWith("28"));
	}

}
