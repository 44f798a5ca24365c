package cn.qinglang.inspect.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.qinglang.batch.records.PlatformInterface.CampaignCategory;
import cn.qinglang.batch.records.PlatformInterface.ComplaintCategory;
import cn.qinglang.batch.records.PlatformInterface.EnforcementActor;
import cn.qinglang.batch.records.PlatformInterface.EnforcementType;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.Page;
import cn.qinglang.inspect.system.PortalProperties;

/**
 * The lists behind the dashboards' numbers, with the dashboard's filter plus the segment
 * clicked (a category, a type, an actor). A platform team reaches them under its own
 * enterprise's path and sees only its own records.
 */
@Controller
class DrillDownController {

	private final DrillDowns drillDowns;

	private final DashboardProperties properties;

	private final PortalProperties portal;

	private final Clock clock;

	DrillDownController(DrillDowns drillDowns, DashboardProperties properties, PortalProperties portal, Clock clock) {
		this.drillDowns = drillDowns;
		this.properties = properties;
		this.portal = portal;
		this.clock = clock;
	}

	@GetMapping({ "/dashboard/complaints", "/my-enterprise/dashboard/complaints" })
	String complaints(@AuthenticationPrincipal PortalUser user, @RequestParam Map<String, String> params,
			@RequestParam(required = false) ComplaintCategory category,
			@RequestParam(required = false) CampaignCategory campaignCategory,
			@RequestParam(defaultValue = "false") boolean handled, @RequestParam(required = false) Integer page,
			Model model) {
		DashboardFilter filter = filter(params);
		Page<DrillDowns.ComplaintItem> items = this.drillDowns.complaints(EnterpriseScope.of(user), filter, category,
				campaignCategory, handled, Page.clampNumber(page), this.portal.pageSize());
		model.addAttribute("category", category);
		model.addAttribute("campaignCategory", campaignCategory);
		model.addAttribute("handled", handled);
		return show(model, filter, items, "complaints", user);
	}

	@GetMapping({ "/dashboard/actions", "/my-enterprise/dashboard/actions" })
	String actions(@AuthenticationPrincipal PortalUser user, @RequestParam Map<String, String> params,
			@RequestParam(required = false) EnforcementType type,
			@RequestParam(required = false) EnforcementActor actor, @RequestParam(required = false) Integer page,
			Model model) {
		DashboardFilter filter = filter(params);
		Page<DrillDowns.ActionItem> items = this.drillDowns.actions(EnterpriseScope.of(user), filter, type, actor,
				Page.clampNumber(page), this.portal.pageSize());
		model.addAttribute("type", type);
		model.addAttribute("actor", actor);
		return show(model, filter, items, "actions", user);
	}

	@GetMapping({ "/dashboard/metrics", "/my-enterprise/dashboard/metrics" })
	String metrics(@AuthenticationPrincipal PortalUser user, @RequestParam Map<String, String> params,
			@RequestParam(required = false) Integer page, Model model) {
		DashboardFilter filter = filter(params);
		Page<DrillDowns.MetricItem> items = this.drillDowns.metrics(EnterpriseScope.of(user), filter,
				Page.clampNumber(page), this.portal.pageSize());
		return show(model, filter, items, "metrics", user);
	}

	private String show(Model model, DashboardFilter filter, Page<?> items, String list, PortalUser user) {
		model.addAttribute("filter", filter);
		model.addAttribute("items", items);
		model.addAttribute("zone", this.clock.getZone());
		model.addAttribute("dashboardLink", DashboardController.drillBase(user) + "?" + filter.query());
		return "dashboard/" + list;
	}

	private DashboardFilter filter(Map<String, String> params) {
		return DashboardFilter.parse(params, LocalDate.now(this.clock), this.properties.campaignStart());
	}

}
