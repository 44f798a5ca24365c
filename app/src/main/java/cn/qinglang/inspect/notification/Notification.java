package cn.qinglang.inspect.notification;

import java.time.Instant;
import java.util.List;

/**
 * A notification of a user.
 *
 * @param kind what happened; its text is {@code notification.kind.<kind>} with the
 * arguments
 */
record Notification(long id, Long orderId, String kind, List<String> arguments, Instant createdAt, Instant readAt) {

	public boolean unread() {
		return this.readAt == null;
	}

	public Object[] argumentArray() {
		return this.arguments.toArray();
	}

}
