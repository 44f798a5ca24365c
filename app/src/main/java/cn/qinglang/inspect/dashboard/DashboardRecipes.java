package cn.qinglang.inspect.dashboard;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.qinglang.inspect.report.ReportDocument;
import cn.qinglang.inspect.report.ReportRecipe;
import cn.qinglang.inspect.security.PortalUser;

/**
 * The dashboards' PDF exports as recipes: the filter's parameters as in the URL, the day
 * it was asked on (so that a relative period means the same days on the node that builds
 * it later), and for an enterprise's dashboard its id.
 */
@Configuration(proxyBeanMethods = false)
class DashboardRecipes {

	static final String CAMPAIGN = "dashboard-campaign";

	static final String ENTERPRISE = "dashboard-enterprise";

	private static final String AS_OF = "_asOf";

	private static final String ID = "_enterprise";

	@Bean
	ReportRecipe campaignReportRecipe(DashboardViews views, DashboardReport report) {
		return new Recipe(CAMPAIGN, (user, params, asOf) -> {
			CampaignView view = views.campaign(user, params, asOf);
			return Optional.of(report.campaign(user, view, report.lines(view)));
		});
	}

	@Bean
	ReportRecipe enterpriseReportRecipe(DashboardViews views, DashboardReport report) {
		return new Recipe(ENTERPRISE,
				(user, params, asOf) -> views.enterprise(user, Long.parseLong(params.get(ID)), params, asOf)
					.map((view) -> report.enterprise(user, view, report.lines(view))));
	}

	/**
	 * The campaign dashboard's export for the filter's parameters, asked for on the day.
	 */
	static ReportRecipe.Request campaign(Map<String, String> params, LocalDate asOf) {
		Map<String, String> kept = new HashMap<>(params);
		kept.put(AS_OF, asOf.toString());
		return new ReportRecipe.Request(CAMPAIGN, kept);
	}

	/**
	 * An enterprise dashboard's export for the filter's parameters, asked for on the day.
	 */
	static ReportRecipe.Request enterprise(long id, Map<String, String> params, LocalDate asOf) {
		Map<String, String> kept = new HashMap<>(params);
		kept.put(AS_OF, asOf.toString());
		kept.put(ID, String.valueOf(id));
		return new ReportRecipe.Request(ENTERPRISE, kept);
	}

	private interface Build {

		Optional<ReportDocument> document(PortalUser user, Map<String, String> params, LocalDate asOf);

	}

	private record Recipe(String name, Build build) implements ReportRecipe {

		@Override
		public Optional<ReportDocument> document(PortalUser user, Map<String, String> parameters) {
			Map<String, String> params = new HashMap<>(parameters);
			LocalDate asOf = LocalDate.parse(params.remove(AS_OF));
			return this.build.document(user, params, asOf);
		}

	}

}
