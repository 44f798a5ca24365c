package cn.qinglang.inspect.security;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The offices regulators work for: the jurisdictions of the enabled inspectors' and
 * executives' accounts, as the scopes their dashboards are computed in.
 */
@Component
public class RegulatorOffices {

	private final JdbcClient jdbc;

	RegulatorOffices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The materialised paths of the offices' jurisdictions (as
	 * {@link PortalUser#jurisdictionPath()}), each once, the offices with the most
	 * regulators first.
	 */
	public List<String> jurisdictionPaths() {
		return this.jdbc.sql("""
				SELECT j.path FROM app_user u JOIN jurisdiction j ON j.code = u.jurisdiction_code
				WHERE u.role IN ('INSPECTOR', 'EXECUTIVE') AND u.enabled
				GROUP BY j.path ORDER BY COUNT(*) DESC, j.path""").query(String.class).list();
	}

}
