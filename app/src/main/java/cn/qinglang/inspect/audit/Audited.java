package cn.qinglang.inspect.audit;

/**
 * A domain event that the audit log records: {@link AuditTrail} appends its entry in the
 * transaction that publishes it, so that a change and its entry are committed together or
 * not at all.
 */
public interface Audited {

	/** Who made the change. */
	Actor by();

	/** The entry to append. */
	AuditEvent audit();

}
