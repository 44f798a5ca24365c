package cn.qinglang.inspect.audit;

import java.util.Map;

/**
 * Something to record. The actor and the remote address are taken from the current
 * request unless given.
 *
 * @param action what happened, e.g. {@code ENTERPRISE_UPDATED}
 * @param targetType kind of the thing acted on, e.g. {@code enterprise}
 * @param targetId its id
 * @param before its state before the change (null for a creation)
 * @param after its state after the change (null for a removal)
 */
public record AuditEvent(String action, String targetType, String targetId, Map<String, ?> before,
		Map<String, ?> after) {

	public static AuditEvent of(String action, String targetType, Object targetId) {
		return new AuditEvent(action, targetType, String.valueOf(targetId), null, null);
	}

	public static AuditEvent change(String action, String targetType, Object targetId, Map<String, ?> before,
			Map<String, ?> after) {
		return new AuditEvent(action, targetType, String.valueOf(targetId), before, after);
	}

}
