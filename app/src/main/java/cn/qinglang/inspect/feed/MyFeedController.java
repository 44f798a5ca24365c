package cn.qinglang.inspect.feed;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qinglang.batch.feed.FeedBusyException;
import cn.qinglang.batch.records.RecordType;
import cn.qinglang.inspect.enterprise.Enterprise;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.enterprise.Enterprises;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.Uploads;

/**
 * A platform's compliance team: its own feed only. It uploads files for its enterprise
 * (never another's: the enterprise comes from the account, not from the request), follows
 * the runs and reads what was rejected and why.
 */
@Controller
@RequestMapping("/my-enterprise/feed")
class MyFeedController {

	private static final String BASE = "/my-enterprise/feed";

	private final FeedPages pages;

	private final FeedService service;

	private final Enterprises enterprises;

	private final PushTokens tokens;

	MyFeedController(FeedPages pages, FeedService service, Enterprises enterprises, PushTokens tokens) {
		this.pages = pages;
		this.service = service;
		this.enterprises = enterprises;
		this.tokens = tokens;
	}

	@GetMapping
	String show(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("own", true);
		model.addAttribute("recordTypes", RecordType.values());
		Enterprise enterprise = own(user);
		model.addAttribute("tokens", this.tokens.ofEnterprise(enterprise.id()));
		model.addAttribute("tokenValidities", PushTokens.VALIDITIES);
		return this.pages.detail(enterprise, BASE, true, page, model);
	}

	@PostMapping("/tokens")
	String createToken(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String name,
			@RequestParam(defaultValue = "90") int days, @RequestParam(defaultValue = "false") boolean sandbox,
			RedirectAttributes redirect) {
		String token = this.tokens.create(own(user).id(), name, days, sandbox, user.getUsername());
		redirect.addFlashAttribute("newToken", token);
		redirect.addFlashAttribute("message", "feed.tokens.created.message");
		return "redirect:" + BASE + "#push-tokens";
	}

	@PostMapping("/tokens/{tokenId}/revoke")
	String revokeToken(@AuthenticationPrincipal PortalUser user, @PathVariable long tokenId,
			RedirectAttributes redirect) {
		this.tokens.revokeOwn(own(user).id(), tokenId, user.getUsername());
		redirect.addFlashAttribute("message", "feed.tokens.revoked.message");
		return "redirect:" + BASE + "#push-tokens";
	}

	@PostMapping("/upload")
	String upload(@AuthenticationPrincipal PortalUser user, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "csvType", required = false) RecordType csvType, RedirectAttributes redirect)
			throws IOException {
		Enterprise enterprise = own(user);
		if (file.isEmpty()) {
			redirect.addFlashAttribute("problem", "feed.upload.empty");
			return "redirect:" + BASE;
		}
		try {
			this.service.upload(enterprise.id(), Uploads.of(file), csvType, user.getUsername());
			redirect.addFlashAttribute("message", "feed.upload.started");
		}
		catch (FeedBusyException ex) {
			redirect.addFlashAttribute("problem", "feed.busy");
		}
		catch (FeedService.UnreadableUpload ex) {
			redirect.addFlashAttribute("problem", "feed.upload.encoding");
		}
		return "redirect:" + BASE;
	}

	@GetMapping("/runs/{runId}/progress")
	@ResponseBody
	Map<String, Object> progress(@AuthenticationPrincipal PortalUser user, @PathVariable long runId) {
		return this.pages.progress(own(user).id(), runId);
	}

	@GetMapping("/runs/{runId}/rejects")
	String rejects(@AuthenticationPrincipal PortalUser user, @PathVariable long runId,
			@RequestParam(required = false) Integer page, Model model) {
		return this.pages.rejects(own(user), BASE, runId, page, model);
	}

	@GetMapping("/runs/{runId}/rejects.csv")
	void rejectsCsv(@AuthenticationPrincipal PortalUser user, @PathVariable long runId, HttpServletResponse response)
			throws IOException {
		this.pages.rejectsCsv(own(user).id(), runId, response);
	}

	private Enterprise own(PortalUser user) {
		return this.enterprises.find(EnterpriseScope.of(user), user.enterpriseId()).orElseThrow(NotFound::new);
	}

}
