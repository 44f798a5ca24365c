package cn.qinglang.inspect.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

import cn.qinglang.inspect.system.Page;
import cn.qinglang.inspect.system.Times;

@Repository
class AuditRepository {

	private static final String COLUMNS = "id, occurred_at, actor, actor_role, remote_addr, action, target_type, "
			+ "target_id, detail, prev_hash, hash";

	private final JdbcClient jdbc;

	AuditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Newest first; days of the filter are calendar days of the display zone. */
	Page<AuditEntry> find(AuditQuery query, ZoneId zone, int size) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		if (StringUtils.hasText(query.actor())) {
			conditions.add("actor = :actor");
			params.put("actor", query.actor().trim());
		}
		if (StringUtils.hasText(query.action())) {
			conditions.add("action = :action");
			params.put("action", query.action().trim());
		}
		if (query.from() != null) {
			conditions.add("occurred_at >= :from");
			params.put("from", Times.toDb(query.from().atStartOfDay(zone).toInstant()));
		}
		if (query.to() != null) {
			conditions.add("occurred_at < :to");
			params.put("to", Times.toDb(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		long total = this.jdbc.sql("SELECT COUNT(*) FROM audit_log" + where).params(params).query(Long.class).single();
		int number = Page.clampNumber(query.page());
		List<AuditEntry> items = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_log" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", Page.offset(number, size))
			.query(AuditRepository::map)
			.list();
		return new Page<>(items, number, size, total);
	}

	List<String> actions() {
		return this.jdbc.sql("SELECT DISTINCT action FROM audit_log ORDER BY action").query(String.class).list();
	}

	/** A slice of the chain in id order, for verification without holding it all. */
	List<AuditEntry> chainAfter(long afterId, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM audit_log WHERE id > :after ORDER BY id LIMIT :limit")
			.param("after", afterId)
			.param("limit", limit)
			.query(AuditRepository::map)
			.list();
	}

	long headId() {
		return this.jdbc.sql("SELECT last_id FROM audit_chain_head WHERE id = 1").query(Long.class).single();
	}

	String headHash() {
		return this.jdbc.sql("SELECT last_hash FROM audit_chain_head WHERE id = 1").query(String.class).single();
	}

	private static AuditEntry map(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), Times.fromDb(rs.getObject("occurred_at", LocalDateTime.class)),
				rs.getString("actor"), rs.getString("actor_role"), rs.getString("remote_addr"), rs.getString("action"),
				rs.getString("target_type"), rs.getString("target_id"), rs.getString("detail"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}

}
