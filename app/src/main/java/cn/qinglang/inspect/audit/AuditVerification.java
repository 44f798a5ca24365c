package cn.qinglang.inspect.audit;

import java.io.Serializable;

/**
 * Outcome of walking the whole chain. Serializable: it reaches the next page as a flash
 * attribute of the session, which lives in the database.
 *
 * @param intact whether every entry is as it was written
 * @param checked number of entries checked
 * @param brokenAtId the first entry that fails, or null
 * @param problem message key of what fails there, or null
 */
record AuditVerification(boolean intact, long checked, Long brokenAtId, String problem) implements Serializable {

	static AuditVerification ok(long checked) {
		return new AuditVerification(true, checked, null, null);
	}

	static AuditVerification broken(long checked, long id, String problem) {
		return new AuditVerification(false, checked, id, problem);
	}

}
