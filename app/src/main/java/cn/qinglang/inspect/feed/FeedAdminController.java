package cn.qinglang.inspect.feed;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qinglang.batch.feed.FeedBusyException;
import cn.qinglang.batch.records.PlatformInterface;
import cn.qinglang.inspect.enterprise.Enterprise;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.enterprise.Enterprises;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.Page;
import cn.qinglang.inspect.system.PortalProperties;

/**
 * ADMIN: every enterprise's feed: configure it (the token write-only), enable or disable
 * it, run it now and watch the run, restart a failed or interrupted run, reset its
 * cursor, read its rejects.
 */
@Controller
@RequestMapping("/admin/feeds")
class FeedAdminController {

	private static final String VIEW_LIST = "feed/admin-list";

	private static final String VIEW_FORM = "feed/admin-form";

	private final Feeds feeds;

	private final FeedService service;

	private final FeedPages pages;

	private final Enterprises enterprises;

	private final PortalProperties portal;

	private final Clock clock;

	private final PushTokens tokens;

	FeedAdminController(Feeds feeds, FeedService service, FeedPages pages, Enterprises enterprises,
			PortalProperties portal, Clock clock, PushTokens tokens) {
		this.tokens = tokens;
		this.feeds = feeds;
		this.service = service;
		this.pages = pages;
		this.enterprises = enterprises;
		this.portal = portal;
		this.clock = clock;
	}

	/** Every push token, to revoke any. */
	@GetMapping("/tokens")
	String tokens(Model model) {
		model.addAttribute("tokens", this.tokens.all());
		return "feed/tokens";
	}

	@PostMapping("/tokens/{tokenId}/revoke")
	String revokeToken(@AuthenticationPrincipal PortalUser user, @PathVariable long tokenId,
			RedirectAttributes redirect) {
		this.tokens.revokeAny(tokenId, user.getUsername());
		redirect.addFlashAttribute("message", "feed.tokens.revoked.message");
		return "redirect:/admin/feeds/tokens";
	}

	@GetMapping
	String list(@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("page", this.feeds.all(Page.clampNumber(page), this.portal.pageSize()));
		model.addAttribute("enterpriseOptions", this.enterprises.options());
		model.addAttribute("pageLinkBase", "/admin/feeds?page=");
		return VIEW_LIST;
	}

	/** The list's "configure" choice of an enterprise. */
	@GetMapping("/configure")
	String choose(@AuthenticationPrincipal PortalUser user, @RequestParam long enterpriseId) {
		return "redirect:/admin/feeds/" + enterprise(user, enterpriseId).id() + "/edit";
	}

	@GetMapping("/{enterpriseId}/edit")
	String initUpdateForm(@AuthenticationPrincipal PortalUser user, @PathVariable long enterpriseId, Model model) {
		Enterprise enterprise = enterprise(user, enterpriseId);
		FeedForm form = this.feeds.ofEnterprise(enterpriseId).map(FeedForm::of).orElse(FeedForm.empty());
		return form(model, enterprise, form);
	}

	@PostMapping("/{enterpriseId}/edit")
	String processUpdateForm(@AuthenticationPrincipal PortalUser user, @PathVariable long enterpriseId,
			@Valid @ModelAttribute("form") FeedForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Enterprise enterprise = enterprise(user, enterpriseId);
		if (result.hasErrors()) {
			return form(model, enterprise, form);
		}
		FeedForm normalized = form.normalized();
		boolean hasToken = this.feeds.ofEnterprise(enterpriseId).map(FeedConfig::hasToken).orElse(false);
		this.service.check(normalized, hasToken)
			.forEach((problem) -> result.rejectValue(problem.field(), problem.messageKey()));
		if (result.hasErrors()) {
			return form(model, enterprise, form);
		}
		try {
			this.service.configure(enterpriseId, normalized);
		}
		catch (FeedBusyException ex) {
			result.rejectValue("baseUrl", "feed.baseUrl.busy");
			return form(model, enterprise, form);
		}
		redirect.addFlashAttribute("message", "feed.saved");
		return "redirect:/admin/feeds/" + enterpriseId;
	}

	@PostMapping("/{enterpriseId}/enabled")
	String changeEnabled(@PathVariable long enterpriseId, @RequestParam boolean enabled, RedirectAttributes redirect) {
		requireFeed(enterpriseId);
		this.service.setEnabled(enterpriseId, enabled);
		redirect.addFlashAttribute("message", enabled ? "feed.enabledNow" : "feed.disabledNow");
		return "redirect:/admin/feeds/" + enterpriseId;
	}

	@PostMapping("/{enterpriseId}/run")
	String runNow(@AuthenticationPrincipal PortalUser user, @PathVariable long enterpriseId,
			RedirectAttributes redirect) {
		FeedConfig feed = requireFeed(enterpriseId);
		if (feed.baseUrl() == null || !feed.hasToken()) {
			redirect.addFlashAttribute("problem", "feed.notConfigured");
			return "redirect:/admin/feeds/" + enterpriseId;
		}
		try {
			this.service.runNow(enterpriseId, user.getUsername());
			redirect.addFlashAttribute("message", "feed.runStarted");
		}
		catch (FeedBusyException ex) {
			redirect.addFlashAttribute("problem", "feed.busy");
		}
		return "redirect:/admin/feeds/" + enterpriseId;
	}

	@PostMapping("/{enterpriseId}/runs/{runId}/restart")
	String restart(@PathVariable long enterpriseId, @PathVariable long runId, RedirectAttributes redirect) {
		requireFeed(enterpriseId);
		boolean restarted = this.service.restart(enterpriseId, runId);
		redirect.addFlashAttribute(restarted ? "message" : "problem",
				restarted ? "feed.runRestarted" : "feed.notRestartable");
		return "redirect:/admin/feeds/" + enterpriseId;
	}

	/**
	 * Resets the feed's cursor: its next run pulls from the start, or from the day on.
	 */
	@PostMapping("/{enterpriseId}/cursor")
	String resetCursor(@PathVariable long enterpriseId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			RedirectAttributes redirect) {
		requireFeed(enterpriseId);
		if (since != null && since.isAfter(LocalDate.now(this.clock))) {
			redirect.addFlashAttribute("problem", "feed.cursor.future");
			return "redirect:/admin/feeds/" + enterpriseId;
		}
		try {
			this.service.resetCursor(enterpriseId, since, "administrator");
			redirect.addFlashAttribute("message",
					(since != null) ? "feed.cursor.resetToDay" : "feed.cursor.resetToStart");
		}
		catch (FeedBusyException ex) {
			redirect.addFlashAttribute("problem", "feed.busy");
		}
		return "redirect:/admin/feeds/" + enterpriseId;
	}

	@GetMapping("/{enterpriseId}")
	String show(@AuthenticationPrincipal PortalUser user, @PathVariable long enterpriseId,
			@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("admin", true);
		return this.pages.detail(enterprise(user, enterpriseId), "/admin/feeds/" + enterpriseId, true, page, model);
	}

	@GetMapping("/{enterpriseId}/runs/{runId}/progress")
	@ResponseBody
	Map<String, Object> progress(@PathVariable long enterpriseId, @PathVariable long runId) {
		return this.pages.progress(enterpriseId, runId);
	}

	@GetMapping("/{enterpriseId}/runs/{runId}/rejects")
	String rejects(@AuthenticationPrincipal PortalUser user, @PathVariable long enterpriseId, @PathVariable long runId,
			@RequestParam(required = false) Integer page, Model model) {
		return this.pages.rejects(enterprise(user, enterpriseId), "/admin/feeds/" + enterpriseId, runId, page, model);
	}

	@GetMapping("/{enterpriseId}/runs/{runId}/rejects.csv")
	void rejectsCsv(@PathVariable long enterpriseId, @PathVariable long runId, HttpServletResponse response)
			throws IOException {
		this.pages.rejectsCsv(enterpriseId, runId, response);
	}

	private Enterprise enterprise(PortalUser user, long id) {
		return this.enterprises.find(EnterpriseScope.of(user), id).orElseThrow(NotFound::new);
	}

	private FeedConfig requireFeed(long enterpriseId) {
		return this.feeds.ofEnterprise(enterpriseId).orElseThrow(NotFound::new);
	}

	/**
	 * The token is a password field: Thymeleaf never writes its value back to the page.
	 */
	private String form(Model model, Enterprise enterprise, FeedForm form) {
		model.addAttribute("form", form);
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("feed", this.feeds.ofEnterprise(enterprise.id()).orElse(null));
		return VIEW_FORM;
	}

}
