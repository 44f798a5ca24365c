package cn.qinglang.inspect.rectification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import cn.qinglang.inspect.audit.Actor;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.evidence.EvidenceStore;
import cn.qinglang.inspect.evidence.StoredUpload;
import cn.qinglang.inspect.inspection.Finding;
import cn.qinglang.inspect.inspection.Inspection;
import cn.qinglang.inspect.inspection.Inspections;
import cn.qinglang.inspect.jurisdiction.Jurisdiction;
import cn.qinglang.inspect.jurisdiction.DocumentNumbers;
import cn.qinglang.inspect.jurisdiction.DocumentNumbers.DocumentNumber;
import cn.qinglang.inspect.jurisdiction.Jurisdictions;
import cn.qinglang.inspect.rectification.RectificationEvents.EvidenceSubmitted;
import cn.qinglang.inspect.rectification.RectificationEvents.ExtensionDecided;
import cn.qinglang.inspect.rectification.RectificationEvents.ExtensionRequested;
import cn.qinglang.inspect.rectification.RectificationEvents.OrderClosed;
import cn.qinglang.inspect.rectification.RectificationEvents.OrderIssued;
import cn.qinglang.inspect.rectification.RectificationEvents.SubmissionReviewed;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.RetryOnConflict;
import cn.qinglang.inspect.system.RuleViolation;
import cn.qinglang.inspect.system.Upload;

/**
 * The enforcement loop: issue an order from findings, take the platform's evidence per
 * measure, review it, extend deadlines, close the order when every measure is accepted.
 * Every step is checked against the caller's scope and the states, and publishes one
 * {@link RectificationEvents event} that the timeline, the audit log and the
 * notifications listen to.
 */
@RetryOnConflict
@Service
class RectificationService {

	private final Orders orders;

	private final Inspections inspections;

	private final Jurisdictions jurisdictions;

	private final EvidenceStore store;

	private final ApplicationEventPublisher events;

	private final DocumentNumbers numbers;

	private final Clock clock;

	RectificationService(Orders orders, Inspections inspections, Jurisdictions jurisdictions, EvidenceStore store,
			ApplicationEventPublisher events, DocumentNumbers numbers, Clock clock) {
		this.clock = clock;
		this.orders = orders;
		this.numbers = numbers;
		this.inspections = inspections;
		this.jurisdictions = jurisdictions;
		this.store = store;
		this.events = events;
	}

	@Transactional
	public long issue(PortalUser inspector, long inspectionId, Forms.IssueOrder form) {
		Inspection inspection = this.inspections.find(EnterpriseScope.of(inspector), inspectionId)
			.orElseThrow(NotFound::new);
		List<Finding> findings = this.inspections.findingsById(form.findingIds());
		if (findings.size() != form.findingIds().size()
				|| findings.stream().anyMatch((finding) -> finding.inspectionId() != inspectionId)) {
			throw new RuleViolation("order.findings.foreign");
		}
		List<String> measures = form.measures().stream().filter(StringUtils::hasText).map(String::strip).toList();
		if (measures.isEmpty()) {
			throw new RuleViolation("order.measures.required");
		}
		if ((form.disposition() == Disposition.FINE) != (form.fineAmount() != null)) {
			throw new RuleViolation("order.fine.amount");
		}
		LocalDate today = LocalDate.now(this.clock);
		if (!form.deadline().isAfter(today)) {
			throw new RuleViolation("order.deadline.future");
		}
		Jurisdiction office = this.jurisdictions.find(inspector.jurisdictionCode()).orElseThrow();
		DocumentNumber documentNumber = this.numbers.next(office, "ORDER", "整改", today.getYear());
		String number = documentNumber.text();
		Long escalationOf = findings.stream()
			.map(Finding::recurrenceOfFindingId)
			.filter(Objects::nonNull)
			.map(this.orders::orderOfFinding)
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(null);
		Instant now = Instant.now(this.clock);
		long id = this.orders.insert(new Orders.NewOrder(number, office.code(), documentNumber.year(),
				documentNumber.sequence(), inspection.enterpriseId(), inspectionId, form.disposition(),
				(form.disposition() == Disposition.FINE) ? form.fineAmount() : null, form.deadline(), escalationOf,
				inspector.getUsername(), now, form.findingIds(), measures));
		this.events.publishEvent(new OrderIssued(id, inspection.enterpriseId(), number, form.deadline(),
				form.disposition(), (form.disposition() == Disposition.FINE) ? form.fineAmount() : null,
				form.findingIds(), escalationOf, Actor.current(), now));
		return id;
	}

	@Transactional
	public void submit(PortalUser platform, long orderId, long measureId, Forms.SubmitEvidence form,
			List<Upload> files) {
		RectificationOrder order = openOrder(platform, orderId);
		Measure measure = this.orders.measure(orderId, measureId).orElseThrow(NotFound::new);
		measure.status().checkMoveTo(MeasureStatus.SUBMITTED);
		if (!this.orders.moveMeasure(measureId, measure.version(), MeasureStatus.SUBMITTED)) {
			throw new RuleViolation("measure.changedMeanwhile");
		}
		Instant now = Instant.now(this.clock);
		int version = this.orders.nextVersion(measureId);
		long submissionId = this.orders.insertSubmission(measureId, version, form.statement().strip(),
				form.effectiveDate(), platform.getUsername(), now);
		List<StoredUpload> uploads = this.store.storeUploads(files);
		for (StoredUpload upload : uploads) {
			this.orders.attachToSubmission(submissionId, upload.file().id(), upload.fileName());
		}
		if (order.status() == OrderStatus.ISSUED) {
			order.status().checkMoveTo(OrderStatus.IN_RECTIFICATION);
			this.orders.moveOrder(orderId, OrderStatus.IN_RECTIFICATION, now);
		}
		this.events.publishEvent(new EvidenceSubmitted(orderId, order.enterpriseId(), order.number(), order.issuedBy(),
				measureId, measure.position(), measure.title(), submissionId, version,
				uploads.stream().map((upload) -> upload.file().sha256()).toList(), Actor.current(), now));
	}

	/**
	 * Accepts or returns the latest submission of a measure. Two inspectors reviewing the
	 * same submission: the first wins, the second is told.
	 */
	@Transactional
	public void review(PortalUser inspector, long orderId, long submissionId, Forms.Review form) {
		RectificationOrder order = openOrder(inspector, orderId);
		Measure measure = this.orders.measures(orderId)
			.stream()
			.filter((candidate) -> candidate.latest() != null && candidate.latest().id() == submissionId)
			.findFirst()
			.orElseThrow(() -> new RuleViolation("review.notLatest"));
		MeasureStatus outcome = MeasureStatus.valueOf(form.outcome());
		if (outcome == MeasureStatus.RETURNED && !StringUtils.hasText(form.comment())) {
			throw new RuleViolation("review.comment.required");
		}
		Instant now = Instant.now(this.clock);
		String comment = StringUtils.hasText(form.comment()) ? form.comment().strip() : null;
		if (!this.orders.review(submissionId, outcome.name(), comment, inspector.getUsername(), now)) {
			throw new RuleViolation("review.alreadyReviewed");
		}
		measure.status().checkMoveTo(outcome);
		if (!this.orders.moveMeasure(measure.id(), measure.version(), outcome)) {
			throw new RuleViolation("review.alreadyReviewed");
		}
		Actor by = Actor.current();
		this.events.publishEvent(new SubmissionReviewed(orderId, order.enterpriseId(), order.number(),
				measure.position(), measure.title(), submissionId, measure.latest().versionNo(), measure.status(),
				outcome, comment, by, now));
		if (this.orders.allMeasuresAccepted(orderId)) {
			order.status().checkMoveTo(OrderStatus.CLOSED);
			this.orders.moveOrder(orderId, OrderStatus.CLOSED, now);
			this.events.publishEvent(new OrderClosed(orderId, order.enterpriseId(), order.number(), by, now));
		}
	}

	@Transactional
	public void requestExtension(PortalUser platform, long orderId, Forms.RequestExtension form) {
		RectificationOrder order = openOrder(platform, orderId);
		if (!form.requestedDeadline().isAfter(order.deadline())) {
			throw new RuleViolation("extension.notLater");
		}
		if (this.orders.extensions(orderId).stream().anyMatch(Extension::pending)) {
			throw new RuleViolation("extension.pendingExists");
		}
		Instant now = Instant.now(this.clock);
		long id = this.orders.insertExtension(orderId, form.requestedDeadline(), form.reason().strip(),
				platform.getUsername(), now);
		this.events.publishEvent(new ExtensionRequested(orderId, order.enterpriseId(), order.number(), id,
				form.requestedDeadline(), Actor.current(), now));
	}

	@Transactional
	public void decideExtension(PortalUser inspector, long orderId, long extensionId, Forms.DecideExtension form) {
		RectificationOrder order = openOrder(inspector, orderId);
		Extension extension = this.orders.extensions(orderId)
			.stream()
			.filter((candidate) -> candidate.id() == extensionId)
			.findFirst()
			.orElseThrow(NotFound::new);
		Instant now = Instant.now(this.clock);
		String comment = StringUtils.hasText(form.comment()) ? form.comment().strip() : null;
		if (!this.orders.decideExtension(extensionId, form.decision(), comment, inspector.getUsername(), now)) {
			throw new RuleViolation("extension.alreadyDecided");
		}
		if ("GRANTED".equals(form.decision())) {
			this.orders.setDeadline(orderId, extension.requestedDeadline());
		}
		this.events.publishEvent(new ExtensionDecided(orderId, order.enterpriseId(), order.number(), extensionId,
				form.decision(), order.deadline(), extension.requestedDeadline(), Actor.current(), now));
	}

	/** An order of the caller's scope that is still open. */
	private RectificationOrder openOrder(PortalUser user, long orderId) {
		RectificationOrder order = this.orders.find(EnterpriseScope.of(user), orderId).orElseThrow(NotFound::new);
		if (order.status() == OrderStatus.CLOSED) {
			throw new RuleViolation("order.closed");
		}
		return order;
	}

}
