package cn.qinglang.inspect.system;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The check of the database node this portal node talks to, run every two seconds by
 * {@link DatabaseNodeGuard}, whose last result is the {@code databaseNode} component of
 * {@code /actuator/health} (details for administrators), so that the health answers at
 * once even while the database keeps a check waiting: its host, port and version, and on
 * a Galera cluster the cluster's size and this node's state. Down when the node is not
 * part of the cluster's primary component (it may not be written to), or not synced; a
 * single MariaDB is a cluster of one.
 */
class DatabaseNodeHealth extends AbstractHealthIndicator {

	private static final int QUERY_TIMEOUT_SECONDS = 3;

	private final JdbcClient jdbc;

	DatabaseNodeHealth(DataSource dataSource) {
		super("database node check failed");
		// a node cut off from its cluster makes reads wait (wsrep_sync_wait): the check
		// gives up after a few seconds and says so, rather than hanging with them
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
		this.jdbc = JdbcClient.create(template);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		try {
			check(builder);
		}
		catch (DataAccessException ex) {
			builder.down().withDetail("error", driverSaid(ex));
		}
	}

	/**
	 * What the driver said (with the address it could not reach), not Spring's wrapper.
	 */
	private static String driverSaid(DataAccessException ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException) {
				cause = t;
				break;
			}
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	private void check(Health.Builder builder) {
		Map<String, Object> node = this.jdbc.sql("SELECT @@hostname AS host, @@port AS port, @@version AS version")
			.query()
			.singleRow();
		Map<String, String> wsrep = new LinkedHashMap<>();
		this.jdbc.sql("""
				SHOW GLOBAL STATUS WHERE Variable_name IN
				  ('wsrep_cluster_size', 'wsrep_cluster_status', 'wsrep_local_state_comment', 'wsrep_ready')""")
			.query((rs, row) -> wsrep.put(rs.getString(1), rs.getString(2)))
			.list();
		builder.withDetail("node", node.get("host") + ":" + node.get("port"))
			.withDetail("version", node.get("version"));
		String size = wsrep.get("wsrep_cluster_size");
		if (size == null || ("0".equals(size) && !"ON".equals(wsrep.get("wsrep_ready")))) {
			builder.up().withDetail("clusterSize", 1).withDetail("cluster", "none (a single MariaDB)");
			return;
		}
		String status = wsrep.get("wsrep_cluster_status");
		String state = wsrep.get("wsrep_local_state_comment");
		builder.withDetail("clusterSize", Integer.parseInt(size))
			.withDetail("clusterStatus", status)
			.withDetail("nodeState", state);
		if ("Primary".equals(status) && "Synced".equals(state)) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

}
