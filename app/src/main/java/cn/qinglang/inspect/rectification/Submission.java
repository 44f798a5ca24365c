package cn.qinglang.inspect.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of the evidence for a measure: immutable once submitted, but for its
 * review, written once.
 *
 * @param effectiveDate when the measure took effect, as the platform states it
 */
record Submission(long id, long measureId, int versionNo, String statement, LocalDate effectiveDate, String submittedBy,
		Instant submittedAt, String reviewOutcome, String reviewComment, String reviewedBy, Instant reviewedAt,
		List<EvidenceFile> files) {

	public boolean reviewed() {
		return this.reviewOutcome != null;
	}

	/** A file of the evidence with the hashes printed in reports. */
	public record EvidenceFile(long fileId, String fileName, long size, String contentType, String sha256, String sm3) {
	}

}
