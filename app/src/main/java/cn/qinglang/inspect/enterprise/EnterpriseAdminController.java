package cn.qinglang.inspect.enterprise;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qinglang.inspect.jurisdiction.Jurisdictions;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.PortalProperties;

/**
 * ADMIN: create, edit, suspend and reactivate enterprises.
 */
@Controller
@RequestMapping("/admin/enterprises")
class EnterpriseAdminController {

	private static final String VIEW_LIST = "enterprise/admin-list";

	private static final String VIEW_FORM = "enterprise/admin-form";

	private final Enterprises enterprises;

	private final EnterpriseAdministration administration;

	private final Jurisdictions jurisdictions;

	private final PortalProperties portal;

	EnterpriseAdminController(Enterprises enterprises, EnterpriseAdministration administration,
			Jurisdictions jurisdictions, PortalProperties portal) {
		this.enterprises = enterprises;
		this.administration = administration;
		this.jurisdictions = jurisdictions;
		this.portal = portal;
	}

	@GetMapping
	String list(@ModelAttribute("search") EnterpriseSearch search, Model model) {
		model.addAttribute("page",
				this.enterprises.search(EnterpriseScope.everything(), search, this.portal.pageSize()));
		model.addAttribute("kinds", EnterpriseKind.values());
		model.addAttribute("statuses", EnterpriseStatus.values());
		model.addAttribute("jurisdictions", this.jurisdictions.all());
		return VIEW_LIST;
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		return form(model, EnterpriseForm.empty(), null);
	}

	@PostMapping("/new")
	String processCreationForm(@Valid @ModelAttribute("form") EnterpriseForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		EnterpriseForm normalized = checked(form, null, result);
		if (result.hasErrors()) {
			return form(model, form, null);
		}
		long id = this.administration.create(normalized);
		redirect.addFlashAttribute("message", "enterprise.created");
		return "redirect:/admin/enterprises/" + id + "/edit";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		Enterprise enterprise = this.enterprises.find(EnterpriseScope.everything(), id).orElseThrow(NotFound::new);
		return form(model, EnterpriseForm.of(enterprise), id);
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@PathVariable long id, @Valid @ModelAttribute("form") EnterpriseForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		requireExisting(id);
		EnterpriseForm normalized = checked(form, id, result);
		if (result.hasErrors()) {
			return form(model, form, id);
		}
		this.administration.update(id, normalized);
		redirect.addFlashAttribute("message", "enterprise.updated");
		return "redirect:/admin/enterprises/" + id + "/edit";
	}

	@PostMapping("/{id}/status")
	String changeStatus(@PathVariable long id, @RequestParam EnterpriseStatus status, RedirectAttributes redirect) {
		requireExisting(id);
		this.administration.changeStatus(id, status);
		redirect.addFlashAttribute("message", "enterprise.statusChanged");
		return "redirect:/admin/enterprises/" + id + "/edit";
	}

	private EnterpriseForm checked(EnterpriseForm form, Long id, BindingResult result) {
		if (result.hasErrors()) {
			return form;
		}
		EnterpriseForm normalized = form.normalized();
		this.administration.check(normalized, id)
			.forEach((problem) -> result.rejectValue(problem.field(), problem.messageKey()));
		return normalized;
	}

	private void requireExisting(long id) {
		if (!this.enterprises.exists(id)) {
			throw new NotFound();
		}
	}

	private String form(Model model, EnterpriseForm form, Long id) {
		model.addAttribute("form", form);
		model.addAttribute("enterpriseId", id);
		model.addAttribute("kinds", EnterpriseKind.values());
		model.addAttribute("statuses", EnterpriseStatus.values());
		model.addAttribute("jurisdictions", this.jurisdictions.all());
		return VIEW_FORM;
	}

}
