package cn.qinglang.inspect.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.system.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drill-down's pages (ids sorted first, then their rows read) hold every record of
 * the period once, newest first, and only the scope's.
 */
@PortalTest
@KnownData
class DrillDownsIT {

	@Autowired
	DrillDowns drillDowns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void pagesHoldThePeriodsComplaintsOnceNewestFirst() {
		List<String> expected = this.jdbc.sql("""
				SELECT platform_id FROM complaint WHERE received_day BETWEEN :from AND :to
				ORDER BY received_at DESC, id DESC""")
			.param("from", KnownDataSet.FROM)
			.param("to", KnownDataSet.TO)
			.query(String.class)
			.list();
		assertThat(expected).hasSizeGreaterThanOrEqualTo(4);

		assertThat(allPages(EnterpriseScope.everything(), 3)).isEqualTo(expected);
	}

	@Test
	void aPlatformsPagesHoldOnlyItsOwnComplaints() {
		List<String> own = this.jdbc.sql("""
				SELECT platform_id FROM complaint WHERE received_day BETWEEN :from AND :to
				AND enterprise_id = :enterprise ORDER BY received_at DESC, id DESC""")
			.param("from", KnownDataSet.FROM)
			.param("to", KnownDataSet.TO)
			.param("enterprise", KnownDataSet.PLATFORM)
			.query(String.class)
			.list();
		long others = this.jdbc.sql("""
				SELECT COUNT(*) FROM complaint WHERE received_day BETWEEN :from AND :to
				AND enterprise_id <> :enterprise""")
			.param("from", KnownDataSet.FROM)
			.param("to", KnownDataSet.TO)
			.param("enterprise", KnownDataSet.PLATFORM)
			.query(Long.class)
			.single();
		assertThat(own).hasSizeGreaterThanOrEqualTo(4);

		assertThat(allPages(new EnterpriseScope(null, KnownDataSet.PLATFORM, false), 3)).isEqualTo(own);
		if (others > 0) {
			assertThat(allPages(new EnterpriseScope(null, KnownDataSet.PROVIDER, false), 3))
				.doesNotContainAnyElementsOf(own);
		}
		assertThat(allPages(new EnterpriseScope(null, null, true), 3)).isEmpty();
	}

	private List<String> allPages(EnterpriseScope scope, int size) {
		DashboardFilter filter = DashboardFilter.parse(
				Map.of("preset", "CUSTOM", "from", KnownDataSet.FROM.toString(), "to", KnownDataSet.TO.toString()),
				KnownDataSet.TO, KnownDataSet.FROM);
		List<String> ids = new ArrayList<>();
		Page<DrillDowns.ComplaintItem> page = this.drillDowns.complaints(scope, filter, null, null, false, 1, size);
		ids.addAll(page.items().stream().map(DrillDowns.ComplaintItem::platformId).toList());
		for (int number = 2; (long) (number - 1) * size < page.total(); number++) {
			ids.addAll(this.drillDowns.complaints(scope, filter, null, null, false, number, size)
				.items()
				.stream()
				.map(DrillDowns.ComplaintItem::platformId)
				.toList());
		}
		return ids;
	}

}
