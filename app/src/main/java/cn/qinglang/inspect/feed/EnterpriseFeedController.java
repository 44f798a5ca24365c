package cn.qinglang.inspect.feed;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import cn.qinglang.inspect.enterprise.Enterprise;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.enterprise.Enterprises;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.security.Role;
import cn.qinglang.inspect.system.NotFound;

/**
 * The regulators' view of an enterprise's feed, inside their jurisdiction (404 outside).
 * Inspectors also read the rejected records; executives see the state and the runs.
 */
@Controller
@RequestMapping("/enterprises/{enterpriseId}/feed")
class EnterpriseFeedController {

	private final FeedPages pages;

	private final Enterprises enterprises;

	EnterpriseFeedController(FeedPages pages, Enterprises enterprises) {
		this.pages = pages;
		this.enterprises = enterprises;
	}

	@GetMapping
	String show(@AuthenticationPrincipal PortalUser user, @PathVariable long enterpriseId,
			@RequestParam(required = false) Integer page, Model model) {
		return this.pages.detail(enterprise(user, enterpriseId), base(enterpriseId), mayReadRejects(user), page, model);
	}

	@GetMapping("/runs/{runId}/progress")
	@ResponseBody
	Map<String, Object> progress(@AuthenticationPrincipal PortalUser user, @PathVariable long enterpriseId,
			@PathVariable long runId) {
		return this.pages.progress(enterprise(user, enterpriseId).id(), runId);
	}

	@GetMapping("/runs/{runId}/rejects")
	String rejects(@AuthenticationPrincipal PortalUser user, @PathVariable long enterpriseId, @PathVariable long runId,
			@RequestParam(required = false) Integer page, Model model) {
		requireRejectReader(user);
		return this.pages.rejects(enterprise(user, enterpriseId), base(enterpriseId), runId, page, model);
	}

	@GetMapping("/runs/{runId}/rejects.csv")
	void rejectsCsv(@AuthenticationPrincipal PortalUser user, @PathVariable long enterpriseId, @PathVariable long runId,
			HttpServletResponse response) throws IOException {
		requireRejectReader(user);
		this.pages.rejectsCsv(enterprise(user, enterpriseId).id(), runId, response);
	}

	private static boolean mayReadRejects(PortalUser user) {
		return user.role() == Role.INSPECTOR;
	}

	private static void requireRejectReader(PortalUser user) {
		if (!mayReadRejects(user)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	private Enterprise enterprise(PortalUser user, long id) {
		return this.enterprises.find(EnterpriseScope.of(user), id).orElseThrow(NotFound::new);
	}

	private static String base(long enterpriseId) {
		return "/enterprises/" + enterpriseId + "/feed";
	}

}
