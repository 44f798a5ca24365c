package cn.qinglang.inspect.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.inspection.Finding;
import cn.qinglang.inspect.inspection.Inspection;
import cn.qinglang.inspect.inspection.Inspections;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.RuleViolation;

/**
 * INSPECTOR: issue orders from findings, review evidence, decide extensions, schedule
 * re-inspections (EXECUTIVE reads).
 */
@Controller
class OrderController {

	private static final String VIEW_NEW = "rectification/new";

	private static final String VIEW_LIST = "rectification/list";

	private static final String VIEW_DETAIL = "rectification/detail";

	private final Orders orders;

	private final Inspections inspections;

	private final RectificationService service;

	private final RectificationProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	OrderController(Orders orders, Inspections inspections, RectificationService service,
			RectificationProperties properties, MessageSource messages, Clock clock) {
		this.orders = orders;
		this.inspections = inspections;
		this.service = service;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/inspections/{inspectionId}/orders/new")
	String initIssueForm(@AuthenticationPrincipal PortalUser user, @PathVariable long inspectionId, Model model) {
		Inspection inspection = inspection(user, inspectionId);
		List<Finding> findings = this.inspections.findings(inspectionId);
		// the campaign's five core measures, then one per finding, in the order's
		// language
		List<String> measures = new ArrayList<>();
		for (CoreMeasure core : CoreMeasure.values()) {
			measures.add(this.messages.getMessage("measure.core." + core, null, Locale.SIMPLIFIED_CHINESE));
		}
		findings.forEach((finding) -> measures.add("整改：" + finding.catalogTitleZh()));
		boolean recurrence = findings.stream().anyMatch((finding) -> finding.recurrenceOfFindingId() != null);
		Forms.IssueOrder form = new Forms.IssueOrder(findings.stream().map(Finding::id).toList(),
				LocalDate.now(this.clock).plusDays(this.properties.defaultDeadlineDays()),
				recurrence ? Disposition.WARNING : Disposition.ORDER_TO_RECTIFY, null, measures);
		return showIssueForm(inspection, findings, form, model);
	}

	@PostMapping("/inspections/{inspectionId}/orders")
	String issue(@AuthenticationPrincipal PortalUser user, @PathVariable long inspectionId,
			@Valid @ModelAttribute("form") Forms.IssueOrder form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showIssueForm(inspection(user, inspectionId), this.inspections.findings(inspectionId), form, model);
		}
		long id = this.service.issue(user, inspectionId, form);
		redirect.addFlashAttribute("message", "order.issued");
		return "redirect:/orders/" + id;
	}

	@GetMapping("/orders")
	String list(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "false") boolean open,
			Model model) {
		model.addAttribute("orders", this.orders.list(EnterpriseScope.of(user), open, 500));
		model.addAttribute("openOnly", open);
		model.addAttribute("today", LocalDate.now(this.clock));
		return VIEW_LIST;
	}

	@GetMapping("/orders/{id}")
	String show(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		return OrderViews.detail(this.orders, this.inspections, EnterpriseScope.of(user), id, LocalDate.now(this.clock),
				model, VIEW_DETAIL);
	}

	@PostMapping("/orders/{id}/submissions/{submissionId}/review")
	String review(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long submissionId,
			@Valid @ModelAttribute Forms.Review form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			throw new RuleViolation("review.incomplete");
		}
		this.service.review(user, id, submissionId, form);
		redirect.addFlashAttribute("message", "review.saved");
		return "redirect:/orders/" + id;
	}

	@PostMapping("/orders/{id}/extensions/{extensionId}/decision")
	String decide(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long extensionId,
			@Valid @ModelAttribute Forms.DecideExtension form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			throw new RuleViolation("extension.decision.incomplete");
		}
		this.service.decideExtension(user, id, extensionId, form);
		redirect.addFlashAttribute("message", "extension.decided");
		return "redirect:/orders/" + id;
	}

	/** After an order closes: a follow-up inspection of the same enterprise. */
	@PostMapping("/orders/{id}/reinspection")
	String reinspect(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		RectificationOrder order = this.orders.find(EnterpriseScope.of(user), id).orElseThrow(NotFound::new);
		if (order.status() != OrderStatus.CLOSED) {
			throw new RuleViolation("reinspection.orderOpen");
		}
		return "redirect:/inspections/new?enterprise=" + order.enterpriseId() + "&followUpOf=" + id;
	}

	private String showIssueForm(Inspection inspection, List<Finding> findings, Forms.IssueOrder form, Model model) {
		model.addAttribute("inspection", inspection);
		model.addAttribute("findings", findings);
		model.addAttribute("form", form);
		model.addAttribute("dispositions", Disposition.values());
		return VIEW_NEW;
	}

	private Inspection inspection(PortalUser user, long inspectionId) {
		return this.inspections.find(EnterpriseScope.of(user), inspectionId).orElseThrow(NotFound::new);
	}

}
