package cn.qinglang.inspect.home;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.enterprise.Enterprises;
import cn.qinglang.inspect.jurisdiction.Jurisdictions;
import cn.qinglang.inspect.rectification.Orders;
import cn.qinglang.inspect.rectification.RectificationOrder;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.security.Role;

/**
 * What each role sees first: regulators their jurisdiction's enterprises, a platform user
 * its enterprise, administrators and auditors their tools.
 */
@Controller
class HomeController {

	private static final String VIEW_HOME = "home/index";

	private final Enterprises enterprises;

	private final Jurisdictions jurisdictions;

	private final Orders orders;

	private final Clock clock;

	HomeController(Enterprises enterprises, Jurisdictions jurisdictions, Orders orders, Clock clock) {
		this.enterprises = enterprises;
		this.jurisdictions = jurisdictions;
		this.orders = orders;
		this.clock = clock;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal PortalUser user, Model model) {
		EnterpriseScope scope = EnterpriseScope.of(user);
		if (user.role() != Role.ADMIN && user.role() != Role.AUDITOR) {
			LocalDate today = LocalDate.now(this.clock);
			List<RectificationOrder> open = this.orders.list(scope, true, 500);
			model.addAttribute("openOrders", open);
			model.addAttribute("overdueOrders", open.stream().filter((order) -> order.overdue(today)).count());
		}
		switch (user.role()) {
			case INSPECTOR, EXECUTIVE -> {
				model.addAttribute("office", this.jurisdictions.find(user.jurisdictionCode()).orElseThrow());
				model.addAttribute("byKind", this.enterprises.countByKind(scope));
				model.addAttribute("byJurisdiction", this.enterprises.countByJurisdiction(scope));
			}
			case PLATFORM ->
				model.addAttribute("enterprise", this.enterprises.find(scope, user.enterpriseId()).orElseThrow());
			case ADMIN -> model.addAttribute("byKind", this.enterprises.countByKind(scope));
			case AUDITOR -> {
				// the auditor's tools are links only
			}
		}
		return VIEW_HOME;
	}

}
