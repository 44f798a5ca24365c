package cn.qinglang.inspect.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.security.RegulatorOffices;
import cn.qinglang.inspect.support.Pages;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up after the start computes the campaign views of the period presets in the
 * scope of each regulators' office, so that the first one an inspector asks for is
 * already there, its content rendered.
 */
@PortalTest
class DashboardWarmUpIT {

	@Autowired
	DashboardWarmUp warmUp;

	@Autowired
	DashboardService dashboards;

	@Autowired
	Clock clock;

	@Autowired
	RegulatorOffices offices;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DashboardSections sections;

	@Autowired
	MockMvc mvc;

	@Test
	void warmUpLeavesThePresetViewsOfEachRegulatorsOfficeComputed() {
		LocalDate today = LocalDate.now(this.clock);
		DashboardFilter last30 = DashboardFilter.parse(Map.of("preset", "LAST_30"), today,
				this.dashboards.properties().campaignStart());
		// the office of the demo's city inspector and that of the Haidian one
		String city = officeOf("inspector");
		String haidian = officeOf("inspector-haidian");

		List<CampaignView> warmed = this.warmUp.warmUp(DashboardSections.SIZE / 2)
			.stream()
			.map(DashboardWarmUp.Warmed::view)
			.toList();

		assertThat(this.offices.jurisdictionPaths()).contains(city, haidian);
		assertThat(warmed)
			.hasSize(this.offices.jurisdictionPaths().size() * (DashboardFilter.Preset.values().length - 1))
			.allSatisfy((view) -> assertThat(view.kpis()).isNotEmpty());
		// the very instances the warm-up computed: the first view an inspector asks for
		// is not computed again
		for (String office : List.of(city, haidian)) {
			CampaignView first = this.dashboards.campaign(EnterpriseScope.ofOffice(office), last30, today);
			assertThat(warmed).anySatisfy((view) -> assertThat(view).isSameAs(first));
		}
		CampaignView computed = DashboardComputations.uncached(this.dashboards, EnterpriseScope.ofOffice(city), last30,
				today);
		assertThat(warmed).noneSatisfy((view) -> assertThat(view).isSameAs(computed));
		// the Haidian office's view is of its enterprises only
		CampaignView ofHaidian = this.dashboards.campaign(EnterpriseScope.ofOffice(haidian), last30, today);
		CampaignView ofCity = this.dashboards.campaign(EnterpriseScope.ofOffice(city), last30, today);
		assertThat(ofHaidian.league()).hasSizeLessThan(ofCity.league().size())
			.allSatisfy((row) -> assertThat(row.enterprise().jurisdictionCode()).isEqualTo("110108"));
	}

	@Test
	void warmUpRendersTheContentTheInspectorsPagesThenServe() throws Exception {
		LocalDate today = LocalDate.now(this.clock);
		DashboardFilter last30 = DashboardFilter.parse(Map.of("preset", "LAST_30"), today,
				this.dashboards.properties().campaignStart());
		List<DashboardWarmUp.Warmed> warmed = this.warmUp.warmUp(DashboardSections.SIZE / 2);

		for (String inspector : List.of("inspector", "inspector-haidian")) {
			EnterpriseScope scope = EnterpriseScope.ofOffice(officeOf(inspector));
			CampaignView view = this.dashboards.campaign(scope, last30, today);
			Map<Locale, String> contents = warmed.stream()
				.filter((w) -> w.view() == view)
				.map(DashboardWarmUp.Warmed::contents)
				.findFirst()
				.orElseThrow();
			assertThat(contents).containsOnlyKeys(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
			MockHttpSession session = SignIn.as(this.mvc, inspector);
			for (Map.Entry<Locale, String> content : contents.entrySet()) {
				// the very rendering of the warm-up is what the first request gets
				assertThat(this.sections.campaign(view, scope, content.getKey())).isSameAs(content.getValue());
				assertThat(content.getValue())
					.contains("id=\"league-table\"", "href=\"/dashboard/export.pdf?preset=LAST_30\"")
					.doesNotContain("<script");
				String page = Pages.html(this.mvc, "/dashboard?preset=LAST_30&lang=" + content.getKey().getLanguage(),
						session);
				assertThat(page).contains(content.getValue()).contains("echarts.min");
			}
			assertThat(contents.get(Locale.SIMPLIFIED_CHINESE)).contains("排名");
			assertThat(contents.get(Locale.ENGLISH)).contains("Rank");
		}
	}

	@Test
	void warmUpRendersNoMoreContentsThanItIsGiven() {
		List<DashboardWarmUp.Warmed> warmed = this.warmUp.warmUp(3);

		assertThat(warmed)
			.hasSize(this.offices.jurisdictionPaths().size() * (DashboardFilter.Preset.values().length - 1));
		assertThat(warmed.stream().mapToInt((w) -> w.contents().size()).sum()).isEqualTo(3);
		// the first office's first views, in both languages first
		assertThat(warmed.get(0).contents()).hasSize(2);
		assertThat(warmed.get(1).contents()).containsOnlyKeys(Locale.SIMPLIFIED_CHINESE);
		assertThat(warmed.subList(2, warmed.size())).allSatisfy((w) -> assertThat(w.contents()).isEmpty());
	}

	private String officeOf(String username) {
		return this.jdbc.sql("""
				SELECT j.path FROM app_user u JOIN jurisdiction j ON j.code = u.jurisdiction_code
				WHERE u.username = :username""").param("username", username).query(String.class).single();
	}

}
