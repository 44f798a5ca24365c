package cn.qinglang.inspect.inspection;

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

import cn.qinglang.inspect.catalog.CatalogItems;
import cn.qinglang.inspect.catalog.Severity;
import cn.qinglang.inspect.enterprise.Enterprise;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.enterprise.Enterprises;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.Uploads;

/**
 * INSPECTOR: open inspections, record findings, close them (EXECUTIVE reads).
 */
@Controller
class InspectionController {

	private static final String VIEW_LIST = "inspection/list";

	private static final String VIEW_NEW = "inspection/new";

	private static final String VIEW_DETAIL = "inspection/detail";

	private final Inspections inspections;

	private final InspectionService service;

	private final Enterprises enterprises;

	private final CatalogItems catalog;

	private final List<InspectionPanel> panels;

	private final Clock clock;

	InspectionController(Inspections inspections, InspectionService service, Enterprises enterprises,
			CatalogItems catalog, List<InspectionPanel> panels, Clock clock) {
		this.clock = clock;
		this.inspections = inspections;
		this.service = service;
		this.enterprises = enterprises;
		this.catalog = catalog;
		this.panels = panels;
	}

	@GetMapping("/inspections")
	String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long enterprise,
			Model model) {
		EnterpriseScope scope = EnterpriseScope.of(user);
		model.addAttribute("inspections", (enterprise != null) ? this.inspections.ofEnterprise(scope, enterprise)
				: this.inspections.list(scope, 200));
		return VIEW_LIST;
	}

	@GetMapping("/inspections/new")
	String initCreationForm(@AuthenticationPrincipal PortalUser user, @RequestParam long enterprise,
			@RequestParam(required = false) Long followUpOf, Model model) {
		InspectionForm form = new InspectionForm((followUpOf != null) ? InspectionKind.ON_SITE : null,
				LocalDate.now(this.clock), user.displayName(), "");
		return showNew(user, enterprise, followUpOf, form, model);
	}

	@PostMapping("/inspections/new")
	String processCreationForm(@AuthenticationPrincipal PortalUser user, @RequestParam long enterprise,
			@RequestParam(required = false) Long followUpOf, @Valid @ModelAttribute("form") InspectionForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return showNew(user, enterprise, followUpOf, form, model);
		}
		long id = this.service.open(user, enterprise, form, followUpOf);
		redirect.addFlashAttribute("message", "inspection.opened");
		return "redirect:/inspections/" + id;
	}

	@GetMapping("/inspections/{id}")
	String show(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		Inspection inspection = this.inspections.find(EnterpriseScope.of(user), id).orElseThrow(NotFound::new);
		model.addAttribute("inspection", inspection);
		model.addAttribute("findings", this.inspections.findings(id));
		model.addAttribute("catalog", this.catalog.active());
		model.addAttribute("severities", Severity.values());
		model.addAttribute("earlierFindings", (inspection.followUpOfOrderId() != null)
				? this.inspections.findingsOfOrder(inspection.followUpOfOrderId()) : List.of());
		model.addAttribute("panels",
				this.panels.stream().flatMap((panel) -> panel.view(inspection, user).stream()).toList());
		return VIEW_DETAIL;
	}

	@PostMapping("/inspections/{id}/findings")
	String addFinding(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@Valid @ModelAttribute("finding") FindingForm form, BindingResult result,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			redirect.addFlashAttribute("problem", "finding.incomplete");
			return "redirect:/inspections/" + id;
		}
		this.service.addFinding(user, id, form, Uploads.of(files));
		redirect.addFlashAttribute("message", "finding.recorded");
		return "redirect:/inspections/" + id;
	}

	@PostMapping("/inspections/{id}/close")
	String close(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		this.service.close(user, id);
		redirect.addFlashAttribute("message", "inspection.closed");
		return "redirect:/inspections/" + id;
	}

	private String showNew(PortalUser user, long enterpriseId, Long followUpOf, InspectionForm form, Model model) {
		Enterprise enterprise = this.enterprises.find(EnterpriseScope.of(user), enterpriseId)
			.orElseThrow(NotFound::new);
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("followUpOf", followUpOf);
		model.addAttribute("form", form);
		model.addAttribute("kinds", InspectionKind.values());
		return VIEW_NEW;
	}

}
