package cn.qinglang.inspect.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.qinglang.inspect.system.RetryOnConflict;
import cn.qinglang.inspect.system.Times;

/**
 * Appends to the audit log. Joins the caller's transaction, so that a change and its
 * entry are committed together or not at all.
 */
@RetryOnConflict
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Records an action of the signed-in user, from the current request's address. */
	@Transactional
	public void record(AuditEvent event) {
		Actor actor = Actor.current();
		recordAs(actor.name(), actor.role(), actor.remoteAddr(), event);
	}

	/** Records an action whose actor is not (or not yet) the signed-in user. */
	@Transactional
	public void recordAs(String actor, String actorRole, String remoteAddr, AuditEvent event) {
		// the head row is the lock that keeps the chain linear under concurrent writers
		ChainHead head = this.jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
			.query((rs, row) -> new ChainHead(rs.getLong(1), rs.getString(2)))
			.single();
		long id = head.lastId() + 1;
		Instant occurredAt = Times.now(this.clock);
		String detail = detailOf(event);
		String hash = AuditEntry.computeHash(id, occurredAt, actor, actorRole, remoteAddr, event.action(),
				event.targetType(), event.targetId(), detail, head.lastHash());
		this.jdbc.sql("""
				INSERT INTO audit_log (id, occurred_at, actor, actor_role, remote_addr, action, target_type,
				  target_id, detail, prev_hash, hash)
				VALUES (:id, :occurredAt, :actor, :actorRole, :remoteAddr, :action, :targetType, :targetId,
				  :detail, :prevHash, :hash)""")
			.param("id", id)
			.param("occurredAt", Times.toDb(occurredAt))
			.param("actor", truncate(actor, 40))
			.param("actorRole", actorRole)
			.param("remoteAddr", remoteAddr)
			.param("action", event.action())
			.param("targetType", event.targetType())
			.param("targetId", event.targetId())
			.param("detail", detail)
			.param("prevHash", head.lastHash())
			.param("hash", hash)
			.update();
		this.jdbc.sql("UPDATE audit_chain_head SET last_id = :id, last_hash = :hash WHERE id = 1")
			.param("id", id)
			.param("hash", hash)
			.update();
	}

	private String detailOf(AuditEvent event) {
		if (event.before() == null && event.after() == null) {
			return null;
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("before", event.before());
		detail.put("after", event.after());
		return this.json.writeValueAsString(detail);
	}

	// a failed sign-in may carry any text as user name
	private static String truncate(String value, int max) {
		return (value != null && value.length() > max) ? value.substring(0, max) : value;
	}

	private record ChainHead(long lastId, String lastHash) {
	}

}
