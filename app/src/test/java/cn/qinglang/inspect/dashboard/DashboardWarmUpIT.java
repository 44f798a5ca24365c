package cn.qinglang.inspect.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.support.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up after the start computes the campaign views of the period presets, so that
 * the first one asked for is already there.
 */
@PortalTest
class DashboardWarmUpIT {

	@Autowired
	DashboardWarmUp warmUp;

	@Autowired
	DashboardService dashboards;

	@Autowired
	Clock clock;

	@Test
	void warmUpLeavesThePresetViewsComputed() {
		LocalDate today = LocalDate.now(this.clock);
		DashboardFilter last30 = DashboardFilter.parse(Map.of("preset", "LAST_30"), today,
				this.dashboards.properties().campaignStart());

		List<CampaignView> warmed = this.warmUp.warmUp();

		assertThat(warmed).hasSize(DashboardFilter.Preset.values().length - 1)
			.allSatisfy((view) -> assertThat(view.kpis()).isNotEmpty());
		// the very instance the warm-up computed: the first view asked for is not
		// computed
		// again
		CampaignView first = this.dashboards.campaign(EnterpriseScope.everything(), last30, today);
		assertThat(warmed).anySatisfy((view) -> assertThat(view).isSameAs(first));
		CampaignView computed = DashboardComputations.uncached(this.dashboards, EnterpriseScope.everything(), last30,
				today);
		assertThat(warmed).noneSatisfy((view) -> assertThat(view).isSameAs(computed));
	}

}
