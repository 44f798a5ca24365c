package cn.qinglang.inspect.inspection;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import cn.qinglang.inspect.catalog.Severity;
import cn.qinglang.inspect.system.Bilingual;

/**
 * A finding of an inspection.
 *
 * @param recurrenceOfFindingId the earlier finding found again, or null
 */
public record Finding(long id, long inspectionId, String catalogCode, String catalogTitleZh, String catalogTitleEn,
		String description, Severity severity, String legalBasis, Long recurrenceOfFindingId, String recordedBy,
		Instant recordedAt, List<Attachment> attachments) {

	public String catalogTitle(Locale locale) {
		return Bilingual.pick(locale, this.catalogTitleZh, this.catalogTitleEn);
	}

	/** A file attached to a finding, with its hashes. */
	public record Attachment(long fileId, String fileName, long size, String sha256, String sm3) {
	}

}
