package cn.qinglang.inspect.inspection;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.catalog.CatalogItem;
import cn.qinglang.inspect.catalog.CatalogItems;
import cn.qinglang.inspect.catalog.Severity;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.enterprise.Enterprises;
import cn.qinglang.inspect.evidence.EvidenceStore;
import cn.qinglang.inspect.evidence.StoredUpload;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.RetryOnConflict;
import cn.qinglang.inspect.system.RuleViolation;
import cn.qinglang.inspect.system.Upload;

/**
 * The inspector's work: open an inspection of an enterprise of its jurisdiction, record
 * findings while it is open, close it.
 */
@RetryOnConflict
@Service
public class InspectionService {

	private final Inspections inspections;

	private final Enterprises enterprises;

	private final CatalogItems catalog;

	private final EvidenceStore store;

	private final AuditLog auditLog;

	private final Clock clock;

	InspectionService(Inspections inspections, Enterprises enterprises, CatalogItems catalog, EvidenceStore store,
			AuditLog auditLog, Clock clock) {
		this.clock = clock;
		this.inspections = inspections;
		this.enterprises = enterprises;
		this.catalog = catalog;
		this.store = store;
		this.auditLog = auditLog;
	}

	@Transactional
	public long open(PortalUser inspector, long enterpriseId, InspectionForm form, Long followUpOfOrderId) {
		this.enterprises.find(EnterpriseScope.of(inspector), enterpriseId).orElseThrow(NotFound::new);
		long id = this.inspections.insert(enterpriseId, inspector.jurisdictionCode(), form, followUpOfOrderId,
				inspector.getUsername(), Instant.now(this.clock));
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("enterpriseId", enterpriseId);
		state.put("kind", form.kind());
		state.put("date", form.date().toString());
		state.put("followUpOfOrderId", followUpOfOrderId);
		this.auditLog.record(AuditEvent.change("INSPECTION_OPENED", "inspection", id, null, state));
		return id;
	}

	@Transactional
	public long addFinding(PortalUser inspector, long inspectionId, FindingForm form, List<Upload> files) {
		return record(inspector, inspectionId, form, () -> this.store.storeUploads(files));
	}

	/**
	 * Records a finding with files already in the store (a spot check's sample); severity
	 * and legal basis are the catalog item's.
	 */
	@Transactional
	public long addFinding(PortalUser inspector, long inspectionId, long catalogItemId, String description,
			List<StoredUpload> attachments) {
		return record(inspector, inspectionId, new FindingForm(catalogItemId, description, null, null, null),
				() -> attachments);
	}

	private long record(PortalUser inspector, long inspectionId, FindingForm form,
			Supplier<List<StoredUpload>> attachments) {
		Inspection inspection = openInspection(inspector, inspectionId);
		CatalogItem item = this.catalog.find(form.catalogItemId())
			.filter((candidate) -> !candidate.retired())
			.orElseThrow(() -> new RuleViolation("finding.catalog.unknown"));
		if (form.recurrenceOfFindingId() != null && (inspection.followUpOfOrderId() == null
				|| this.inspections.findingsOfOrder(inspection.followUpOfOrderId())
					.stream()
					.noneMatch((earlier) -> earlier.id() == form.recurrenceOfFindingId()))) {
			throw new RuleViolation("finding.recurrence.unknown");
		}
		String legalBasis = StringUtils.hasText(form.legalBasis()) ? form.legalBasis().strip() : item.legalBasis();
		Severity severity = (form.severity() != null) ? form.severity() : item.defaultSeverity();
		FindingForm checked = new FindingForm(item.id(), form.description().strip(), severity, legalBasis,
				form.recurrenceOfFindingId());
		long findingId = this.inspections.insertFinding(inspection.id(), item.id(), checked, inspector.getUsername(),
				Instant.now(this.clock));
		for (StoredUpload upload : attachments.get()) {
			this.inspections.attach(findingId, upload.file().id(), upload.fileName());
		}
		this.auditLog.record(AuditEvent.change("FINDING_RECORDED", "finding", findingId, null,
				Map.of("inspectionId", inspection.id(), "catalogItem", item.code(), "severity", severity)));
		return findingId;
	}

	@Transactional
	public void close(PortalUser inspector, long inspectionId) {
		Inspection inspection = openInspection(inspector, inspectionId);
		if (!this.inspections.close(inspection.id(), Instant.now(this.clock))) {
			throw new RuleViolation("inspection.notOpen");
		}
		this.auditLog.record(AuditEvent.of("INSPECTION_CLOSED", "inspection", inspectionId));
	}

	private Inspection openInspection(PortalUser inspector, long inspectionId) {
		Inspection inspection = this.inspections.find(EnterpriseScope.of(inspector), inspectionId)
			.orElseThrow(NotFound::new);
		if (!inspection.open()) {
			throw new RuleViolation("inspection.notOpen");
		}
		return inspection;
	}

}
