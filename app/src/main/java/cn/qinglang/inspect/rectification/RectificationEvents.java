package cn.qinglang.inspect.rectification;

import java.time.LocalDate;

/**
 * What happened to an order, for the modules that notify people about it.
 */
public final class RectificationEvents {

	private RectificationEvents() {
	}

	/** An order was issued to an enterprise. */
	public record OrderIssued(long orderId, long enterpriseId, String number, LocalDate deadline) {
	}

	/** Evidence arrived for an order issued by an inspector. */
	public record EvidenceSubmitted(long orderId, String number, String issuedBy, String measureTitle) {
	}

	/** An inspector accepted or returned a submission. */
	public record SubmissionReviewed(long orderId, long enterpriseId, String number, String measureTitle,
			String outcome) {
	}

	/** Every measure of an order is accepted. */
	public record OrderClosed(long orderId, long enterpriseId, String number) {
	}

}
