package cn.qinglang.inspect.rectification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.qinglang.inspect.audit.Actor;
import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.Audited;

/**
 * What happened to an order or its evidence: one event per change of state, published by
 * {@link RectificationService} in the change's transaction. Three listeners, nothing
 * written by hand beside the change: the order's timeline ({@code OrderTimeline}) and the
 * audit log ({@code audit.AuditTrail}) in the same transaction, and the notifications and
 * mail ({@code notification.Notifier}) after the commit, through Spring Modulith's JDBC
 * event publication registry, so that a notification whose listener had not run when the
 * process died is sent at the next start, and sent once (its key is the event's).
 */
public final class RectificationEvents {

	private RectificationEvents() {
	}

	/** A change of an order's state. */
	public sealed interface OrderChanged extends Audited {

		long orderId();

		long enterpriseId();

		String number();

		Instant at();

		/** The kind of the order's timeline line. */
		String timelineKind();

		/** The detail of the order's timeline line, or null. */
		String timelineDetail();

	}

	/** An order was issued to an enterprise. */
	public record OrderIssued(long orderId, long enterpriseId, String number, LocalDate deadline,
			Disposition disposition, BigDecimal fineAmount, List<Long> findingIds, Long escalationOfOrderId, Actor by,
			Instant at) implements OrderChanged {

		@Override
		public String timelineKind() {
			return "ORDER_ISSUED";
		}

		@Override
		public String timelineDetail() {
			return this.number;
		}

		@Override
		public AuditEvent audit() {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("number", this.number);
			state.put("enterpriseId", this.enterpriseId);
			state.put("deadline", this.deadline.toString());
			state.put("disposition", this.disposition);
			state.put("fineAmount", this.fineAmount);
			state.put("findings", this.findingIds);
			state.put("escalationOfOrderId", this.escalationOfOrderId);
			return AuditEvent.change("ORDER_ISSUED", "rectification_order", this.orderId, null, state);
		}

	}

	/** Evidence arrived for a measure of an order issued by an inspector. */
	public record EvidenceSubmitted(long orderId, long enterpriseId, String number, String issuedBy, long measureId,
			int measurePosition, String measureTitle, long submissionId, int version, List<String> fileHashes, Actor by,
			Instant at) implements OrderChanged {

		@Override
		public String timelineKind() {
			return "EVIDENCE_SUBMITTED";
		}

		@Override
		public String timelineDetail() {
			return "#" + this.measurePosition + " v" + this.version + " · " + this.fileHashes.size();
		}

		@Override
		public AuditEvent audit() {
			return AuditEvent.change("EVIDENCE_SUBMITTED", "measure_submission", this.submissionId, null,
					Map.of("orderId", this.orderId, "measureId", this.measureId, "version", this.version, "files",
							this.fileHashes));
		}

	}

	/** An inspector accepted or returned a submission. */
	public record SubmissionReviewed(long orderId, long enterpriseId, String number, int measurePosition,
			String measureTitle, long submissionId, int version, MeasureStatus before, MeasureStatus outcome,
			String comment, Actor by, Instant at) implements OrderChanged {

		@Override
		public String timelineKind() {
			return "SUBMISSION_" + this.outcome.name();
		}

		@Override
		public String timelineDetail() {
			return "#" + this.measurePosition + " v" + this.version;
		}

		@Override
		public AuditEvent audit() {
			return AuditEvent.change("SUBMISSION_REVIEWED", "measure_submission", this.submissionId,
					Map.of("status", this.before),
					Map.of("status", this.outcome, "comment", (this.comment != null) ? this.comment : ""));
		}

	}

	/** Every measure of an order is accepted. */
	public record OrderClosed(long orderId, long enterpriseId, String number, Actor by,
			Instant at) implements OrderChanged {

		@Override
		public String timelineKind() {
			return "ORDER_CLOSED";
		}

		@Override
		public String timelineDetail() {
			return null;
		}

		@Override
		public AuditEvent audit() {
			return AuditEvent.of("ORDER_CLOSED", "rectification_order", this.orderId);
		}

	}

	/** A platform asked for a later deadline. */
	public record ExtensionRequested(long orderId, long enterpriseId, String number, long extensionId,
			LocalDate requestedDeadline, Actor by, Instant at) implements OrderChanged {

		@Override
		public String timelineKind() {
			return "EXTENSION_REQUESTED";
		}

		@Override
		public String timelineDetail() {
			return this.requestedDeadline.toString();
		}

		@Override
		public AuditEvent audit() {
			return AuditEvent.change("EXTENSION_REQUESTED", "deadline_extension", this.extensionId, null,
					Map.of("orderId", this.orderId, "requestedDeadline", this.requestedDeadline.toString()));
		}

	}

	/** An inspector granted or refused a later deadline. */
	public record ExtensionDecided(long orderId, long enterpriseId, String number, long extensionId, String decision,
			LocalDate previousDeadline, LocalDate requestedDeadline, Actor by, Instant at) implements OrderChanged {

		public boolean granted() {
			return "GRANTED".equals(this.decision);
		}

		@Override
		public String timelineKind() {
			return "EXTENSION_" + this.decision;
		}

		@Override
		public String timelineDetail() {
			return this.previousDeadline + " → " + this.requestedDeadline;
		}

		@Override
		public AuditEvent audit() {
			return AuditEvent.change("EXTENSION_DECIDED", "deadline_extension", this.extensionId,
					Map.of("deadline", this.previousDeadline.toString()), Map.of("decision", this.decision, "deadline",
							(granted() ? this.requestedDeadline : this.previousDeadline).toString()));
		}

	}

}
