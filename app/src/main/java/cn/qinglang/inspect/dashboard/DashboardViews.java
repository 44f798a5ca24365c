package cn.qinglang.inspect.dashboard;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.security.PortalUser;

/**
 * The dashboards a user sees for a filter given as the URL's parameters, on a day: what
 * the pages show and what their PDF exports print, on whichever node builds them.
 */
@Component
class DashboardViews {

	private final DashboardService dashboards;

	DashboardViews(DashboardService dashboards) {
		this.dashboards = dashboards;
	}

	CampaignView campaign(PortalUser user, Map<String, String> params, LocalDate today) {
		return this.dashboards.campaign(EnterpriseScope.of(user), filter(params, today), today);
	}

	/** The enterprise's view, or empty when the user may not see it. */
	Optional<EnterpriseView> enterprise(PortalUser user, long id, Map<String, String> params, LocalDate today) {
		DashboardFilter filter = filter(params, today);
		EnterpriseScope scope = EnterpriseScope.of(user);
		return this.dashboards.find(scope, id, filter)
			.map((enterprise) -> this.dashboards.enterprise(scope, enterprise, filter, today,
					DashboardController.drillBase(user)));
	}

	private DashboardFilter filter(Map<String, String> params, LocalDate today) {
		return DashboardFilter.parse(params, today, this.dashboards.properties().campaignStart());
	}

}
