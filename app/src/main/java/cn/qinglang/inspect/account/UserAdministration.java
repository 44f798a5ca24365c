package cn.qinglang.inspect.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.enterprise.Enterprises;
import cn.qinglang.inspect.jurisdiction.Jurisdictions;
import cn.qinglang.inspect.system.FieldProblem;
import cn.qinglang.inspect.security.PasswordPolicy;
import cn.qinglang.inspect.security.Role;
import cn.qinglang.inspect.system.RetryOnConflict;

/**
 * The rules of accounts: a regulator belongs to an existing office, a platform user to
 * exactly one existing enterprise, user names are unique, passwords follow the policy,
 * and an administrator cannot lock itself out. Every change goes to the audit log.
 */
@RetryOnConflict
@Service
class UserAdministration {

	private final UserAccounts accounts;

	private final Jurisdictions jurisdictions;

	private final Enterprises enterprises;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final AuditLog auditLog;

	UserAdministration(UserAccounts accounts, Jurisdictions jurisdictions, Enterprises enterprises,
			PasswordPolicy policy, PasswordEncoder encoder, AuditLog auditLog) {
		this.accounts = accounts;
		this.jurisdictions = jurisdictions;
		this.enterprises = enterprises;
		this.policy = policy;
		this.encoder = encoder;
		this.auditLog = auditLog;
	}

	/**
	 * What is wrong with a form already valid on its own.
	 * @param existing the account being edited, or null on creation
	 * @param actingUserId the administrator's own account
	 */
	List<FieldProblem> check(UserForm form, UserAccount existing, long actingUserId) {
		List<FieldProblem> problems = new ArrayList<>();
		if (existing == null && this.accounts.usernameTaken(form.username())) {
			problems.add(new FieldProblem("username", "user.username.taken"));
		}
		if (form.role().belongsToOffice()
				&& (form.jurisdictionCode() == null || this.jurisdictions.find(form.jurisdictionCode()).isEmpty())) {
			problems.add(new FieldProblem("jurisdictionCode", "user.office.required"));
		}
		if (form.role() == Role.PLATFORM
				&& (form.enterpriseId() == null || !this.enterprises.exists(form.enterpriseId()))) {
			problems.add(new FieldProblem("enterpriseId", "user.enterprise.required"));
		}
		if (existing == null && !form.hasPassword()) {
			problems.add(new FieldProblem("password", "user.password.required"));
		}
		if (form.hasPassword()) {
			this.policy.violation(form.username(), form.password())
				.ifPresent((key) -> problems.add(new FieldProblem("password", key)));
		}
		if (existing != null && existing.id() == actingUserId && form.role() != Role.ADMIN) {
			problems.add(new FieldProblem("role", "user.ownRole"));
		}
		return problems;
	}

	@Transactional
	long create(UserForm form) {
		long id = this.accounts.insert(form, this.encoder.encode(form.password()));
		UserAccount created = this.accounts.find(id).orElseThrow();
		this.auditLog.record(AuditEvent.change("USER_CREATED", "user", id, null, created.auditState()));
		return id;
	}

	@Transactional
	void update(long id, UserForm form) {
		UserAccount before = this.accounts.find(id).orElseThrow();
		this.accounts.update(id, form);
		UserAccount after = this.accounts.find(id).orElseThrow();
		this.auditLog.record(AuditEvent.change("USER_UPDATED", "user", id, before.auditState(), after.auditState()));
		if (form.hasPassword()) {
			this.accounts.resetPassword(id, this.encoder.encode(form.password()));
			this.auditLog.record(AuditEvent.of("USER_PASSWORD_RESET", "user", id));
		}
	}

	/** Returns false when refused: an administrator does not disable itself. */
	@Transactional
	boolean setEnabled(long id, boolean enabled, long actingUserId) {
		if (!enabled && id == actingUserId) {
			return false;
		}
		this.accounts.setEnabled(id, enabled);
		this.auditLog.record(AuditEvent.change(enabled ? "USER_ENABLED" : "USER_DISABLED", "user", id,
				Map.of("enabled", !enabled), Map.of("enabled", enabled)));
		return true;
	}

	@Transactional
	void unlock(long id) {
		this.accounts.unlock(id);
		this.auditLog.record(AuditEvent.of("USER_UNLOCKED", "user", id));
	}

}
