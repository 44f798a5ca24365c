package cn.qinglang.inspect.rectification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An order as an official document.
 *
 * @param number the document number: office prefix, year, sequence
 * @param escalationOfOrderId the earlier order whose finding was found again, or null
 */
public record RectificationOrder(long id, String number, String jurisdictionCode, long enterpriseId,
		String enterpriseName, long inspectionId, Disposition disposition, BigDecimal fineAmount, LocalDate deadline,
		OrderStatus status, Long escalationOfOrderId, String issuedBy, Instant issuedAt, Instant closedAt) {

	public boolean overdue(LocalDate today) {
		return this.status != OrderStatus.CLOSED && today.isAfter(this.deadline);
	}

	public long daysLeft(LocalDate today) {
		return ChronoUnit.DAYS.between(today, this.deadline);
	}

}
