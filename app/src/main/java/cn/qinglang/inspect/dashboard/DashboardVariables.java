package cn.qinglang.inspect.dashboard;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.qinglang.batch.records.PlatformInterface.ContentType;
import cn.qinglang.inspect.enterprise.EnterpriseKind;
import cn.qinglang.inspect.enterprise.EnterpriseScope;

/**
 * The variables of the dashboards' templates for a view: what its page, its kept content
 * and its print view show, from the view and the scope it was computed for.
 */
@Component
class DashboardVariables {

	private final DashboardService dashboards;

	private final ChartData charts;

	private final Clock clock;

	DashboardVariables(DashboardService dashboards, ChartData charts, Clock clock) {
		this.dashboards = dashboards;
		this.charts = charts;
		this.clock = clock;
	}

	Map<String, Object> campaign(CampaignView view, EnterpriseScope scope, Locale locale) {
		String query = view.filter().query();
		Map<String, Object> variables = common(view.filter());
		variables.put("view", view);
		variables.put("options", this.dashboards.options(scope, view.filter()));
		variables.put("trendChart",
				this.charts.trend(view.weeks(), view.filter(), "/dashboard", view.campaignStart(), locale));
		variables.put("categoryChart",
				this.charts.categories(view.categories(), "/dashboard/complaints?" + query, locale));
		variables.put("campaignChart",
				this.charts.campaignCategories(view.categories(), "/dashboard/complaints?" + query, locale));
		variables.put("actionChart", this.charts.actions(view.actions(), "/dashboard/actions?" + query, locale));
		return variables;
	}

	Map<String, Object> enterprise(EnterpriseView view, String drillBase, Locale locale) {
		Map<String, Object> variables = common(view.filter());
		variables.put("view", view);
		variables.put("trendChart",
				this.charts.trend(view.weeks(), view.filter(), drillBase, view.campaignStart(), locale));
		return variables;
	}

	private Map<String, Object> common(DashboardFilter filter) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("filter", filter);
		variables.put("query", filter.query());
		variables.put("presets", DashboardFilter.Preset.values());
		variables.put("kinds",
				Arrays.asList(EnterpriseKind.GENERATION_PROVIDER, EnterpriseKind.DISSEMINATION_PLATFORM));
		variables.put("contentTypes", ContentType.values());
		variables.put("limitHours", this.dashboards.properties().handlingLimitHours());
		variables.put("laggardScore", this.dashboards.properties().laggardScore());
		variables.put("zone", this.clock.getZone());
		return variables;
	}

}
