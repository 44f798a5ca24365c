package cn.qinglang.inspect.enterprise;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import cn.qinglang.inspect.jurisdiction.Jurisdictions;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.PortalProperties;

/**
 * The enterprises of a regulator's jurisdiction (INSPECTOR, EXECUTIVE), and a platform
 * user's own enterprise.
 */
@Controller
class EnterpriseController {

	private static final String VIEW_LIST = "enterprise/list";

	private static final String VIEW_DETAIL = "enterprise/detail";

	private final Enterprises enterprises;

	private final Jurisdictions jurisdictions;

	private final PortalProperties portal;

	EnterpriseController(Enterprises enterprises, Jurisdictions jurisdictions, PortalProperties portal) {
		this.enterprises = enterprises;
		this.jurisdictions = jurisdictions;
		this.portal = portal;
	}

	@GetMapping("/enterprises")
	String list(@AuthenticationPrincipal PortalUser user, @ModelAttribute("search") EnterpriseSearch search,
			Model model) {
		EnterpriseScope scope = EnterpriseScope.of(user);
		model.addAttribute("page", this.enterprises.search(scope, search, this.portal.pageSize()));
		model.addAttribute("kinds", EnterpriseKind.values());
		model.addAttribute("jurisdictions", this.jurisdictions.within(user.jurisdictionPath()));
		return VIEW_LIST;
	}

	/** Outside the caller's jurisdiction an enterprise does not exist: 404, not 403. */
	@GetMapping("/enterprises/{id}")
	String show(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		model.addAttribute("enterprise",
				this.enterprises.find(EnterpriseScope.of(user), id).orElseThrow(NotFound::new));
		return VIEW_DETAIL;
	}

	@GetMapping("/my-enterprise")
	String showOwn(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("enterprise",
				this.enterprises.find(EnterpriseScope.of(user), user.enterpriseId()).orElseThrow(NotFound::new));
		model.addAttribute("own", true);
		return VIEW_DETAIL;
	}

}
