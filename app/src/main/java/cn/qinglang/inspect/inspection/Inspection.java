package cn.qinglang.inspect.inspection;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An inspection of one enterprise by an office.
 *
 * @param followUpOfOrderId the closed order this re-inspection checks, or null
 */
public record Inspection(long id, long enterpriseId, String enterpriseName, String jurisdictionCode,
		InspectionKind kind, LocalDate date, String inspectors, String scope, boolean open, Long followUpOfOrderId,
		String openedBy, Instant openedAt, Instant closedAt) {
}
