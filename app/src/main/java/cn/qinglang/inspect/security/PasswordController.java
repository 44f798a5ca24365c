package cn.qinglang.inspect.security;

import jakarta.validation.Valid;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;

/**
 * Every user changes its own password here; a first administrator with a one-time
 * password is sent here before anything else.
 */
@Controller
class PasswordController {

	static final String PATH = "/account/password";

	private static final String VIEW_FORM = "security/password";

	private final SignInAccounts accounts;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final AuditLog auditLog;

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	PasswordController(SignInAccounts accounts, PasswordEncoder encoder, PasswordPolicy policy, AuditLog auditLog) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.policy = policy;
		this.auditLog = auditLog;
	}

	@GetMapping(PATH)
	String initForm(Model model) {
		model.addAttribute("form", PasswordChangeForm.empty());
		model.addAttribute("minLength", this.policy.minLength());
		return VIEW_FORM;
	}

	@PostMapping(PATH)
	String processForm(@AuthenticationPrincipal PortalUser user, @Valid @ModelAttribute("form") PasswordChangeForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		if (!result.hasFieldErrors("currentPassword")
				&& !this.encoder.matches(form.currentPassword(), this.accounts.passwordHash(user.id()))) {
			result.rejectValue("currentPassword", "password.currentWrong");
		}
		if (!result.hasFieldErrors("newPassword")) {
			this.policy.violation(user.getUsername(), form.newPassword())
				.ifPresent((key) -> result.rejectValue("newPassword", key, new Object[] { this.policy.minLength() },
						null));
		}
		if (!result.hasFieldErrors("confirmPassword") && !form.newPassword().equals(form.confirmPassword())) {
			result.rejectValue("confirmPassword", "password.mismatch");
		}
		if (!result.hasErrors() && form.newPassword().equals(form.currentPassword())) {
			result.rejectValue("newPassword", "password.unchanged");
		}
		if (result.hasErrors()) {
			model.addAttribute("minLength", this.policy.minLength());
			return VIEW_FORM;
		}
		this.accounts.changePassword(user.id(), this.encoder.encode(form.newPassword()));
		this.auditLog.record(AuditEvent.of("PASSWORD_CHANGED", "user", user.getUsername()));
		if (user.mustChangePassword()) {
			replacePrincipal(user.withPasswordChanged(), request, response);
		}
		redirect.addFlashAttribute("message", "password.changed");
		return "redirect:/";
	}

	private void replacePrincipal(PortalUser updated, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contextRepository.saveContext(context, request, response);
	}

}
