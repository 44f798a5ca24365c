package cn.qinglang.batch.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import cn.qinglang.batch.records.PlatformInterface.ComplaintCategory;
import cn.qinglang.batch.records.PlatformInterface.ComplaintChannel;
import cn.qinglang.batch.records.PlatformInterface.ComplaintOutcome;
import cn.qinglang.batch.records.PlatformInterface.ComplaintStatus;
import cn.qinglang.batch.records.PlatformInterface.ContentType;
import cn.qinglang.batch.records.PlatformInterface.EnforcementActor;
import cn.qinglang.batch.records.PlatformInterface.EnforcementType;

/**
 * A valid record of one of the three types, identified by the platform's own id.
 */
public sealed interface PlatformRecord {

	String platformId();

	/** Labeling figures of one day and content type. */
	record LabelingMetric(String platformId, LocalDate day, ContentType contentType, long published,
			long explicitLabeled, long implicitLabeled, long userDeclared, long platformDetected, long verified,
			long appealsFiled, long appealsUpheld, long tamperingDetected) implements PlatformRecord {
	}

	/** One user report and what became of it. */
	record Complaint(String platformId, Instant receivedAt, LocalDate receivedDay, ComplaintCategory category,
			ContentType contentType, ComplaintChannel channel, ComplaintStatus status, Instant handledAt,
			ComplaintOutcome outcome, String summary) implements PlatformRecord {
	}

	/** Actions of one kind taken on one day by the platform or the regulator. */
	record EnforcementAction(String platformId, LocalDate day, EnforcementActor actor, EnforcementType type,
			ComplaintCategory category, long count, BigDecimal amount, String note) implements PlatformRecord {
	}

}
