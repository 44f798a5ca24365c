package cn.qinglang.inspect.audit;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chain from the first entry: ids without gaps, each entry's hash recomputed
 * from its columns, each linked to its predecessor, and the last one equal to the head.
 */
@Service
class AuditVerifier {

	private static final int SLICE = 1000;

	private final AuditRepository repository;

	AuditVerifier(AuditRepository repository) {
		this.repository = repository;
	}

	@Transactional(readOnly = true)
	public AuditVerification verify() {
		long expectedId = 1;
		String expectedPrev = AuditEntry.GENESIS_HASH;
		long checked = 0;
		List<AuditEntry> slice = this.repository.chainAfter(0, SLICE);
		while (!slice.isEmpty()) {
			for (AuditEntry entry : slice) {
				if (entry.id() != expectedId) {
					return AuditVerification.broken(checked, expectedId, "audit.verify.missing");
				}
				if (!entry.prevHash().equals(expectedPrev)) {
					return AuditVerification.broken(checked, entry.id(), "audit.verify.unlinked");
				}
				if (!entry.hashMatches()) {
					return AuditVerification.broken(checked, entry.id(), "audit.verify.altered");
				}
				checked++;
				expectedId++;
				expectedPrev = entry.hash();
			}
			slice = this.repository.chainAfter(expectedId - 1, SLICE);
		}
		if (this.repository.headId() != expectedId - 1 || !this.repository.headHash().equals(expectedPrev)) {
			return AuditVerification.broken(checked, expectedId, "audit.verify.truncated");
		}
		return AuditVerification.ok(checked);
	}

}
