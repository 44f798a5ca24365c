package cn.qinglang.inspect.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.qinglang.inspect.dashboard.DashboardFilter.Preset;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.security.RegulatorOffices;
import cn.qinglang.inspect.system.WarmUp;

/**
 * Computes the campaign dashboard of every period preset once after the start, on a
 * background thread, for the scope of each regulators' office (their offices with the
 * most regulators first): the first view of each preset in an office after a restart is
 * then one already computed, and the others find the aggregates' pages of the periods
 * people look at in the database's buffer pool and the code compiled. At national scale
 * the first views after a start took seconds.
 */
@Component
@Order(1)
class DashboardWarmUp implements WarmUp {

	private static final Logger log = LoggerFactory.getLogger(DashboardWarmUp.class);

	private final DashboardService dashboards;

	private final RegulatorOffices offices;

	private final Clock clock;

	DashboardWarmUp(DashboardService dashboards, RegulatorOffices offices, Clock clock) {
		this.dashboards = dashboards;
		this.offices = offices;
		this.clock = clock;
	}

	@Override
	public boolean enabled() {
		return this.dashboards.properties().warmUp();
	}

	@Override
	public void run() {
		warmUp();
	}

	/**
	 * @return the views computed (one per office and preset but the custom one), none on
	 * failure
	 */
	List<CampaignView> warmUp() {
		long start = System.nanoTime();
		LocalDate today = LocalDate.now(this.clock);
		List<CampaignView> views = new ArrayList<>();
		try {
			for (String office : this.offices.jurisdictionPaths()) {
				EnterpriseScope scope = EnterpriseScope.ofOffice(office);
				for (Preset preset : Preset.values()) {
					if (preset != Preset.CUSTOM) {
						DashboardFilter filter = DashboardFilter.parse(Map.of("preset", preset.name()), today,
								this.dashboards.properties().campaignStart());
						views.add(this.dashboards.campaign(scope, filter, today));
					}
				}
			}
			log.info("Dashboards warmed up: {} views in {} ms", views.size(), (System.nanoTime() - start) / 1_000_000);
			return views;
		}
		catch (RuntimeException ex) {
			// not fatal: the first views compute what they need themselves
			log.warn("Dashboard warm-up failed", ex);
			return List.of();
		}
	}

}
