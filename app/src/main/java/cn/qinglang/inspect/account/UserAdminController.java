package cn.qinglang.inspect.account;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

import cn.qinglang.inspect.enterprise.Enterprises;
import cn.qinglang.inspect.jurisdiction.Jurisdictions;
import cn.qinglang.inspect.security.PasswordPolicy;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.security.Role;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.PortalProperties;

/**
 * ADMIN: the accounts of regulators, platform users, executives and auditors.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private static final String VIEW_LIST = "account/list";

	private static final String VIEW_FORM = "account/form";

	private final UserAccounts accounts;

	private final UserAdministration administration;

	private final Jurisdictions jurisdictions;

	private final Enterprises enterprises;

	private final PasswordPolicy policy;

	private final PortalProperties portal;

	UserAdminController(UserAccounts accounts, UserAdministration administration, Jurisdictions jurisdictions,
			Enterprises enterprises, PasswordPolicy policy, PortalProperties portal) {
		this.accounts = accounts;
		this.administration = administration;
		this.jurisdictions = jurisdictions;
		this.enterprises = enterprises;
		this.policy = policy;
		this.portal = portal;
	}

	@GetMapping
	String list(@ModelAttribute("search") UserSearch search, Model model) {
		model.addAttribute("page", this.accounts.search(search, this.portal.pageSize()));
		model.addAttribute("roles", Role.values());
		return VIEW_LIST;
	}

	@GetMapping("/new")
	String initCreationForm(Model model) {
		return form(model, UserForm.empty(), null);
	}

	@PostMapping("/new")
	String processCreationForm(@AuthenticationPrincipal PortalUser admin, @Valid @ModelAttribute("form") UserForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		UserForm normalized = checked(form, null, admin, result);
		if (result.hasErrors()) {
			return form(model, form, null);
		}
		long id = this.administration.create(normalized);
		redirect.addFlashAttribute("message", "user.created");
		return "redirect:/admin/users/" + id + "/edit";
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(@PathVariable long id, Model model) {
		UserAccount account = existing(id);
		return form(model, UserForm.of(account), account);
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(@AuthenticationPrincipal PortalUser admin, @PathVariable long id,
			@Valid @ModelAttribute("form") UserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		UserAccount account = existing(id);
		// the user name is shown read-only and never changed, whatever was submitted
		UserForm normalized = checked(form.withUsername(account.username()), account, admin, result);
		if (result.hasErrors()) {
			return form(model, form, account);
		}
		this.administration.update(id, normalized);
		redirect.addFlashAttribute("message", "user.updated");
		return "redirect:/admin/users/" + id + "/edit";
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@AuthenticationPrincipal PortalUser admin, @PathVariable long id, @RequestParam boolean enabled,
			RedirectAttributes redirect) {
		existing(id);
		boolean done = this.administration.setEnabled(id, enabled, admin.id());
		redirect.addFlashAttribute(done ? "message" : "problem",
				done ? "user.enabledChanged" : "user.cannotDisableSelf");
		return "redirect:/admin/users/" + id + "/edit";
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		existing(id);
		this.administration.unlock(id);
		redirect.addFlashAttribute("message", "user.unlocked");
		return "redirect:/admin/users/" + id + "/edit";
	}

	private UserForm checked(UserForm form, UserAccount existing, PortalUser admin, BindingResult result) {
		if (result.hasErrors()) {
			return form;
		}
		UserForm normalized = form.normalized();
		this.administration.check(normalized, existing, admin.id())
			.forEach((problem) -> result.rejectValue(problem.field(), problem.messageKey(),
					new Object[] { this.policy.minLength() }, null));
		return normalized;
	}

	private UserAccount existing(long id) {
		return this.accounts.find(id).orElseThrow(NotFound::new);
	}

	private String form(Model model, UserForm form, UserAccount account) {
		model.addAttribute("form", form);
		model.addAttribute("account", account);
		model.addAttribute("roles", Role.values());
		model.addAttribute("jurisdictions", this.jurisdictions.all());
		model.addAttribute("enterprises", this.enterprises.options());
		model.addAttribute("minLength", this.policy.minLength());
		return VIEW_FORM;
	}

}
