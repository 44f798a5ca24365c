package cn.qinglang.inspect.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * most regulators first), and renders its content in each of the portal's languages (as
 * many as the kept contents hold without pushing one another out): the first view of each
 * preset in an office after a restart is then one already computed and rendered, and the
 * others find the aggregates' pages of the periods people look at in the database's
 * buffer pool and the code that computes and renders them compiled. At national scale the
 * first views after a start took seconds.
 */
@Component
@Order(1)
class DashboardWarmUp implements WarmUp {

	private static final Logger log = LoggerFactory.getLogger(DashboardWarmUp.class);

	/** The portal's languages, its default (WebConfiguration's) first. */
	private static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	private final DashboardService dashboards;

	private final DashboardSections sections;

	private final RegulatorOffices offices;

	private final Clock clock;

	DashboardWarmUp(DashboardService dashboards, DashboardSections sections, RegulatorOffices offices, Clock clock) {
		this.dashboards = dashboards;
		this.sections = sections;
		this.offices = offices;
		this.clock = clock;
	}

	@Override
	public boolean enabled() {
		return this.dashboards.properties().warmUp();
	}

	@Override
	public void run() {
		warmUp(DashboardSections.SIZE / 2);
	}

	/**
	 * @param renderings how many contents to render at most: the kept contents are far
	 * fewer than the computed views (some 150 KB each), and the warm-up fills at most
	 * half of them, the offices with the most regulators first, so that none of its
	 * renderings pushes out another
	 * @return the views computed (one per office and preset but the custom one) with the
	 * contents rendered of them, none on failure
	 */
	List<Warmed> warmUp(int renderings) {
		long start = System.nanoTime();
		LocalDate today = LocalDate.now(this.clock);
		List<Warmed> views = new ArrayList<>();
		int rendered = 0;
		try {
			List<DashboardFilter> presets = Arrays.stream(Preset.values())
				.filter((preset) -> preset != Preset.CUSTOM)
				.map((preset) -> DashboardFilter.parse(Map.of("preset", preset.name()), today,
						this.dashboards.properties().campaignStart()))
				.toList();
			for (String office : this.offices.jurisdictionPaths()) {
				EnterpriseScope scope = EnterpriseScope.ofOffice(office);
				for (DashboardFilter filter : presets) {
					CampaignView view = this.dashboards.campaign(scope, filter, today);
					Map<Locale, String> contents = new LinkedHashMap<>();
					for (Locale language : LANGUAGES) {
						if (rendered < renderings) {
							contents.put(language, this.sections.campaign(view, scope, language));
							rendered++;
						}
					}
					views.add(new Warmed(view, contents));
				}
			}
			log.info("Dashboards warmed up: {} views computed, {} contents rendered in {} ms", views.size(), rendered,
					(System.nanoTime() - start) / 1_000_000);
			return views;
		}
		catch (RuntimeException ex) {
			// not fatal: the first views compute what they need themselves
			log.warn("Dashboard warm-up failed", ex);
			return List.of();
		}
	}

	/** A view the warm-up computed and the content it rendered of it by language. */
	record Warmed(CampaignView view, Map<Locale, String> contents) {
	}

}
