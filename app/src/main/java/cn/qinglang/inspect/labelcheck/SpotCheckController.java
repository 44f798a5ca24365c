package cn.qinglang.inspect.labelcheck;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.catalog.CatalogItems;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.evidence.EvidenceStore;
import cn.qinglang.inspect.evidence.StoredFile;
import cn.qinglang.inspect.inspection.Inspection;
import cn.qinglang.inspect.inspection.Inspections;
import cn.qinglang.labelcheck.Verdict;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.Page;
import cn.qinglang.inspect.system.Uploads;

/**
 * INSPECTOR: check a batch of samples in a spot-check inspection, read the results, make
 * findings of them (EXECUTIVE reads).
 */
@Controller
class SpotCheckController {

	private static final String VIEW_RUN = "labelcheck/run";

	private static final int PAGE_SIZE = 100;

	private final Inspections inspections;

	private final SpotChecks spotChecks;

	private final SpotCheckService service;

	private final CatalogItems catalog;

	private final EvidenceStore store;

	private final AuditLog auditLog;

	SpotCheckController(Inspections inspections, SpotChecks spotChecks, SpotCheckService service, CatalogItems catalog,
			EvidenceStore store, AuditLog auditLog) {
		this.inspections = inspections;
		this.spotChecks = spotChecks;
		this.service = service;
		this.catalog = catalog;
		this.store = store;
		this.auditLog = auditLog;
	}

	@PostMapping("/inspections/{id}/spot-checks")
	String check(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(defaultValue = "false") boolean viaPlatform, RedirectAttributes redirect) {
		long run = this.service.check(user, id, Uploads.of(files), viaPlatform);
		redirect.addFlashAttribute("message", "spotcheck.recorded");
		return "redirect:/inspections/" + id + "/spot-checks/" + run;
	}

	@GetMapping("/inspections/{id}/spot-checks/{runId}")
	String show(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long runId,
			@RequestParam(required = false) Verdict verdict, @RequestParam(required = false) Integer page,
			Model model) {
		Inspection inspection = inspection(user, id);
		SpotChecks.Run run = this.spotChecks.run(id, runId).orElseThrow(NotFound::new);
		Page<SpotChecks.Result> results = this.spotChecks.results(runId, verdict, Page.clampNumber(page), PAGE_SIZE);
		model.addAttribute("inspection", inspection);
		model.addAttribute("run", run);
		model.addAttribute("byProblem", this.spotChecks.problemCounts(runId));
		model.addAttribute("results", results);
		model.addAttribute("page", results);
		model.addAttribute("verdict", verdict);
		model.addAttribute("verdicts", Verdict.values());
		model.addAttribute("catalog", this.catalog.active());
		return VIEW_RUN;
	}

	@PostMapping("/inspections/{id}/spot-checks/{runId}/results/{resultId}/finding")
	String createFinding(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long runId,
			@PathVariable long resultId, @RequestParam long catalogItemId, Locale locale, RedirectAttributes redirect) {
		this.service.createFinding(user, id, runId, resultId, catalogItemId, locale);
		redirect.addFlashAttribute("message", "spotcheck.finding.created");
		return "redirect:/inspections/" + id + "/spot-checks/" + runId + "#result-" + resultId;
	}

	/** The sample as it was checked: always a download, never rendered. */
	@GetMapping("/inspections/{id}/spot-checks/{runId}/results/{resultId}/file")
	ResponseEntity<Resource> download(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long runId, @PathVariable long resultId) {
		inspection(user, id);
		this.spotChecks.run(id, runId).orElseThrow(NotFound::new);
		SpotChecks.Result result = this.spotChecks.result(runId, resultId)
			.filter((found) -> found.fileObjectId() != null)
			.orElseThrow(NotFound::new);
		StoredFile file = this.store.find(result.fileObjectId()).orElseThrow(NotFound::new);
		Resource content = this.store.content(file).orElseThrow(NotFound::new);
		this.auditLog.record(AuditEvent.of("FILE_DOWNLOADED", "file_object", file.sha256()));
		String name = result.fileName().substring(result.fileName().lastIndexOf('/') + 1);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

	private Inspection inspection(PortalUser user, long id) {
		return this.inspections.find(EnterpriseScope.of(user), id).orElseThrow(NotFound::new);
	}

}
