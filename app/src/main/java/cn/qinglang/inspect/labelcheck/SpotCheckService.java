package cn.qinglang.inspect.labelcheck;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.evidence.EvidenceStore;
import cn.qinglang.inspect.evidence.FileNames;
import cn.qinglang.inspect.evidence.StoredUpload;
import cn.qinglang.inspect.inspection.Inspection;
import cn.qinglang.inspect.inspection.InspectionKind;
import cn.qinglang.inspect.inspection.InspectionService;
import cn.qinglang.inspect.inspection.Inspections;
import cn.qinglang.inspect.system.RetryOnConflict;
import cn.qinglang.labelcheck.BatchSummary;
import cn.qinglang.labelcheck.LabelChecker;
import cn.qinglang.labelcheck.Verdict;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.RuleViolation;
import cn.qinglang.inspect.system.Upload;

/**
 * The inspector's spot checks: a batch of samples checked and kept inside an open
 * inspection of kind label spot check, and findings made from its non-compliant results.
 */
@RetryOnConflict
@Service
class SpotCheckService {

	private final Inspections inspections;

	private final InspectionService inspectionService;

	private final SpotChecks spotChecks;

	private final SampleIntake intake;

	private final LabelCheckProperties properties;

	private final EvidenceStore store;

	private final AuditLog auditLog;

	private final MessageSource messages;

	private final Clock clock;

	SpotCheckService(Inspections inspections, InspectionService inspectionService, SpotChecks spotChecks,
			SampleIntake intake, LabelCheckProperties properties, EvidenceStore store, AuditLog auditLog,
			MessageSource messages, Clock clock) {
		this.clock = clock;
		this.inspections = inspections;
		this.inspectionService = inspectionService;
		this.spotChecks = spotChecks;
		this.intake = intake;
		this.properties = properties;
		this.store = store;
		this.auditLog = auditLog;
		this.messages = messages;
	}

	/**
	 * Checks and keeps a batch of samples; returns the run. The audit entry is written
	 * last, so that the audit chain is held only for a moment, not for the whole batch.
	 */
	@Transactional
	public long check(PortalUser inspector, long inspectionId, List<Upload> files, boolean viaPlatform) {
		Inspection inspection = openInspection(inspector, inspectionId);
		if (inspection.kind() != InspectionKind.LABEL_SPOT_CHECK) {
			throw new RuleViolation("spotcheck.wrongKind");
		}
		List<Upload> present = files.stream()
			.filter((file) -> StringUtils.hasText(file.name()) || !file.isEmpty())
			.toList();
		if (present.isEmpty()) {
			throw new RuleViolation("spotcheck.noFiles");
		}
		long runId = this.spotChecks.insertRun(inspectionId, LabelChecker.VERSION, viaPlatform, inspector.getUsername(),
				Instant.now(this.clock));
		BatchSummary.Counter counter = new BatchSummary.Counter();
		int[] position = { 0 };
		this.intake.take(present, new LabelChecker(this.properties.options(viaPlatform)), true, (report, stored) -> {
			this.spotChecks.insertResult(runId, ++position[0], report, stored);
			counter.add(report);
		});
		BatchSummary summary = counter.summary();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("inspectionId", inspectionId);
		state.put("checkerVersion", LabelChecker.VERSION);
		state.put("viaPlatform", viaPlatform);
		state.put("files", summary.files());
		state.put("byVerdict", summary.byVerdict());
		this.auditLog.record(AuditEvent.change("SPOT_CHECK_RECORDED", "label_check_run", runId, null, state));
		return runId;
	}

	/**
	 * A finding on a non-compliant result: its description names the file, its hashes and
	 * its problems; the sample is attached.
	 */
	@Transactional
	public long createFinding(PortalUser inspector, long inspectionId, long runId, long resultId, long catalogItemId,
			Locale locale) {
		openInspection(inspector, inspectionId);
		this.spotChecks.run(inspectionId, runId).orElseThrow(NotFound::new);
		SpotChecks.Result result = this.spotChecks.result(runId, resultId).orElseThrow(NotFound::new);
		if (result.verdict() != Verdict.NON_COMPLIANT) {
			throw new RuleViolation("spotcheck.finding.notNonCompliant");
		}
		if (result.findingId() != null) {
			throw new RuleViolation("spotcheck.finding.exists");
		}
		List<StoredUpload> attachments = (result.fileObjectId() != null) ? this.store.find(result.fileObjectId())
			.map((file) -> List.of(new StoredUpload(attachmentName(result.fileName()), file)))
			.orElse(List.of()) : List.of();
		long findingId = this.inspectionService.addFinding(inspector, inspectionId, catalogItemId,
				describe(runId, result, locale), attachments);
		if (!this.spotChecks.linkFinding(resultId, findingId)) {
			throw new RuleViolation("spotcheck.finding.exists");
		}
		return findingId;
	}

	private String describe(long runId, SpotChecks.Result result, Locale locale) {
		String problems = result.report()
			.problems()
			.stream()
			.map((problem) -> this.messages.getMessage("labelcheck.problem." + problem.code(), null, locale)
					+ ((problem.detail() != null) ? " (" + problem.detail() + ")" : ""))
			.collect(Collectors.joining("; "));
		String description = this.messages
			.getMessage(
					"spotcheck.finding.description", new Object[] { runId, result.fileName(), problems,
							String.valueOf(result.sha256()), String.valueOf(result.sm3()), LabelChecker.VERSION },
					locale);
		return (description.length() > 4000) ? description.substring(0, 4000) : description;
	}

	private static String attachmentName(String fileName) {
		String last = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
		return FileNames.checked(last.isBlank() ? "sample" : last);
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
