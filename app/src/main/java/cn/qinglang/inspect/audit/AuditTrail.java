package cn.qinglang.inspect.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends every {@link Audited} domain event to the audit log, in the publisher's
 * transaction (a synchronous listener: the entry must never lag behind the change it
 * records, and the hash chain is extended in the change's own commit).
 */
@Component
class AuditTrail {

	private final AuditLog auditLog;

	AuditTrail(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@EventListener
	void on(Audited event) {
		Actor by = event.by();
		this.auditLog.recordAs(by.name(), by.role(), by.remoteAddr(), event.audit());
	}

}
