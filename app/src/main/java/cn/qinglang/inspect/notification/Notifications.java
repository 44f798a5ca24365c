package cn.qinglang.inspect.notification;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.qinglang.inspect.enterprise.Unscoped;
import cn.qinglang.inspect.system.Times;

/**
 * Notifications per user. A notification is unique per user and dedupe key, so that a
 * reminder job run twice tells nobody twice.
 */
@Unscoped("a user's own notifications, by user id; recipients by the enterprise of an order already in scope")
@Repository
class Notifications {

	private static final String SEPARATOR = "\u001f";

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The enabled platform accounts of an enterprise: who is told about its orders. */
	List<Recipient> platformUsersOf(long enterpriseId) {
		return this.jdbc.sql("""
				SELECT id, email FROM app_user WHERE enterprise_id = :e AND role = 'PLATFORM' AND enabled""")
			.param("e", enterpriseId)
			.query((rs, row) -> new Recipient(rs.getLong(1), rs.getString(2)))
			.list();
	}

	List<Recipient> byUsername(String username) {
		return this.jdbc.sql("SELECT id, email FROM app_user WHERE username = :u AND enabled")
			.param("u", username)
			.query((rs, row) -> new Recipient(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** Adds a notification; false when the user already has one with that key. */
	boolean add(long userId, Long orderId, String kind, String dedupeKey, List<String> arguments, Instant at) {
		return this.jdbc.sql("""
				INSERT IGNORE INTO notification (user_id, order_id, kind, dedupe_key, message_args, created_at)
				VALUES (:user, :order, :kind, :key, :args, :at)""")
			.param("user", userId)
			.param("order", orderId)
			.param("kind", kind)
			.param("key", dedupeKey)
			.param("args", String.join(SEPARATOR, arguments))
			.param("at", Times.toDb(at))
			.update() == 1;
	}

	long unreadCount(long userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = :u AND read_at IS NULL")
			.param("u", userId)
			.query(Long.class)
			.single();
	}

	List<Notification> latest(long userId, int limit) {
		return this.jdbc.sql("SELECT * FROM notification WHERE user_id = :u ORDER BY id DESC LIMIT :limit")
			.param("u", userId)
			.param("limit", limit)
			.query((rs, row) -> new Notification(rs.getLong("id"), rs.getObject("order_id", Long.class),
					rs.getString("kind"), arguments(rs.getString("message_args")),
					Times.fromDb(rs.getObject("created_at", LocalDateTime.class)),
					Times.fromDb(rs.getObject("read_at", LocalDateTime.class))))
			.list();
	}

	void markAllRead(long userId, Instant at) {
		this.jdbc.sql("UPDATE notification SET read_at = :at WHERE user_id = :u AND read_at IS NULL")
			.param("at", Times.toDb(at))
			.param("u", userId)
			.update();
	}

	private static List<String> arguments(String stored) {
		return (stored == null || stored.isEmpty()) ? List.of() : Arrays.asList(stored.split(SEPARATOR, -1));
	}

	/** Who is told, and where mail goes if anywhere. */
	record Recipient(long userId, String email) {
	}

}
