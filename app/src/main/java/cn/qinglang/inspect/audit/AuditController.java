package cn.qinglang.inspect.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qinglang.inspect.system.PortalProperties;

/**
 * The AUDITOR's view of the log, with the chain verification.
 */
@Controller
@RequestMapping("/audit")
class AuditController {

	private static final String VIEW_LOG = "audit/log";

	private final AuditRepository repository;

	private final AuditVerifier verifier;

	private final AuditLog auditLog;

	private final PortalProperties portal;

	AuditController(AuditRepository repository, AuditVerifier verifier, AuditLog auditLog, PortalProperties portal) {
		this.repository = repository;
		this.verifier = verifier;
		this.auditLog = auditLog;
		this.portal = portal;
	}

	@GetMapping
	String showLog(@ModelAttribute("query") AuditQuery query, Model model) {
		model.addAttribute("entries", this.repository.find(query, this.portal.displayZone(), this.portal.pageSize()));
		model.addAttribute("actions", this.repository.actions());
		return VIEW_LOG;
	}

	@PostMapping("/verify")
	String verify(RedirectAttributes redirect) {
		AuditVerification result = this.verifier.verify();
		Map<String, Object> outcome = new LinkedHashMap<>();
		outcome.put("checked", result.checked());
		outcome.put("brokenAtId", result.brokenAtId());
		outcome.put("problem", result.problem());
		this.auditLog.record(new AuditEvent(result.intact() ? "AUDIT_CHAIN_VERIFIED" : "AUDIT_CHAIN_BROKEN",
				"audit_log", null, null, outcome));
		redirect.addFlashAttribute("verification", result);
		return "redirect:/audit";
	}

}
