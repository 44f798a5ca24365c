package cn.qinglang.inspect.security;

/**
 * One role per account. ADMIN and AUDITOR are kept apart as MLPS 2.0 (GB/T 22239)
 * separation of duties asks: the administrator does not read the audit log.
 */
public enum Role {

	/** Users, enterprises, feeds; not the audit log. */
	ADMIN,
	/** Inspections of the enterprises of its office's jurisdiction and below. */
	INSPECTOR,
	/** Read-only dashboards and reports of its office's jurisdiction and below. */
	EXECUTIVE,
	/** A platform's compliance team: its own enterprise only. */
	PLATFORM,
	/** Reads the audit log only. */
	AUDITOR;

	public String authority() {
		return "ROLE_" + name();
	}

	/** Roles that belong to a regulator office. */
	public boolean belongsToOffice() {
		return this == INSPECTOR || this == EXECUTIVE;
	}

}
