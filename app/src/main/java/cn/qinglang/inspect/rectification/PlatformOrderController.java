package cn.qinglang.inspect.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.evidence.EvidenceStore;
import cn.qinglang.inspect.inspection.Inspections;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.RuleViolation;
import cn.qinglang.inspect.system.Uploads;

/**
 * PLATFORM: the enterprise's own orders, evidence per measure, deadline extensions.
 */
@Controller
class PlatformOrderController {

	private static final String VIEW_LIST = "rectification/list";

	private static final String VIEW_DETAIL = "rectification/detail";

	private final Orders orders;

	private final Inspections inspections;

	private final RectificationService service;

	private final EvidenceStore store;

	private final Clock clock;

	PlatformOrderController(Orders orders, Inspections inspections, RectificationService service, EvidenceStore store,
			Clock clock) {
		this.orders = orders;
		this.inspections = inspections;
		this.service = service;
		this.store = store;
		this.clock = clock;
	}

	@GetMapping("/my-enterprise/orders")
	String list(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("orders", this.orders.list(EnterpriseScope.of(user), false, 500));
		model.addAttribute("today", LocalDate.now(this.clock));
		return VIEW_LIST;
	}

	@GetMapping("/my-enterprise/orders/{id}")
	String show(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		model.addAttribute("limits", this.store.limits());
		return OrderViews.detail(this.orders, this.inspections, EnterpriseScope.of(user), id, LocalDate.now(this.clock),
				model, VIEW_DETAIL);
	}

	@PostMapping("/my-enterprise/orders/{id}/measures/{measureId}/submissions")
	String submit(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long measureId,
			@Valid @ModelAttribute Forms.SubmitEvidence form, BindingResult result,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			throw new RuleViolation("evidence.form.incomplete");
		}
		this.service.submit(user, id, measureId, form, Uploads.of(files));
		redirect.addFlashAttribute("message", "evidence.submitted");
		return "redirect:/my-enterprise/orders/" + id;
	}

	@PostMapping("/my-enterprise/orders/{id}/extensions")
	String requestExtension(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@Valid @ModelAttribute Forms.RequestExtension form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			throw new RuleViolation("extension.form.incomplete");
		}
		this.service.requestExtension(user, id, form);
		redirect.addFlashAttribute("message", "extension.requested");
		return "redirect:/my-enterprise/orders/" + id;
	}

}
