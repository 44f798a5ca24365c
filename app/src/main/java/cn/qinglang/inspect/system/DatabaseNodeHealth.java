package cn.qinglang.inspect.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The database node this portal node talks to, in {@code /actuator/health} (details for
 * administrators): its host, port and version, and on a Galera cluster the cluster's size
 * and this node's state. Down when the node is not part of the cluster's primary
 * component (it may not be written to), or not synced; a single MariaDB is a cluster of
 * one.
 */
@Component("databaseNode")
class DatabaseNodeHealth extends AbstractHealthIndicator {

	private final JdbcClient jdbc;

	DatabaseNodeHealth(JdbcClient jdbc) {
		super("database node check failed");
		this.jdbc = jdbc;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
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
