package cn.qinglang.inspect.enterprise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.jurisdiction.Jurisdictions;
import cn.qinglang.inspect.system.FieldProblem;
import cn.qinglang.inspect.system.RetryOnConflict;

/**
 * The ADMIN's changes to enterprises: the rules that need the database (unique code and
 * credit code, a known jurisdiction), and every change in the audit log with its before
 * and after.
 */
@RetryOnConflict
@Service
class EnterpriseAdministration {

	private final Enterprises enterprises;

	private final Jurisdictions jurisdictions;

	private final AuditLog auditLog;

	EnterpriseAdministration(Enterprises enterprises, Jurisdictions jurisdictions, AuditLog auditLog) {
		this.enterprises = enterprises;
		this.jurisdictions = jurisdictions;
		this.auditLog = auditLog;
	}

	/**
	 * Problems that only the stored data can tell, for a form already valid on its own.
	 */
	List<FieldProblem> check(EnterpriseForm form, Long exceptId) {
		List<FieldProblem> problems = new ArrayList<>();
		if (this.enterprises.codeTaken(form.code(), exceptId)) {
			problems.add(new FieldProblem("code", "enterprise.code.taken"));
		}
		if (this.enterprises.creditCodeTaken(form.creditCode(), exceptId)) {
			problems.add(new FieldProblem("creditCode", "enterprise.creditCode.taken"));
		}
		if (this.jurisdictions.find(form.jurisdictionCode()).isEmpty()) {
			problems.add(new FieldProblem("jurisdictionCode", "enterprise.jurisdiction.unknown"));
		}
		return problems;
	}

	@Transactional
	long create(EnterpriseForm form) {
		long id = this.enterprises.insert(form);
		Enterprise created = this.enterprises.find(EnterpriseScope.everything(), id).orElseThrow();
		this.auditLog.record(AuditEvent.change("ENTERPRISE_CREATED", "enterprise", id, null, created.auditState()));
		return id;
	}

	@Transactional
	void update(long id, EnterpriseForm form) {
		Enterprise before = this.enterprises.find(EnterpriseScope.everything(), id).orElseThrow();
		this.enterprises.update(id, form);
		Enterprise after = this.enterprises.find(EnterpriseScope.everything(), id).orElseThrow();
		this.auditLog
			.record(AuditEvent.change("ENTERPRISE_UPDATED", "enterprise", id, before.auditState(), after.auditState()));
	}

	@Transactional
	void changeStatus(long id, EnterpriseStatus status) {
		Enterprise before = this.enterprises.find(EnterpriseScope.everything(), id).orElseThrow();
		this.enterprises.setStatus(id, status);
		this.auditLog.record(AuditEvent.change("ENTERPRISE_STATUS_CHANGED", "enterprise", id,
				Map.of("status", before.status()), Map.of("status", status)));
	}

}
