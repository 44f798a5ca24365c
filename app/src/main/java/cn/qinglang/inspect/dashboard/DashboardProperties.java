package cn.qinglang.inspect.dashboard;

import java.time.Duration;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import cn.qinglang.batch.aggregate.HandlingBuckets;

/**
 * Settings of the dashboards.
 *
 * @param campaignStart the first day of the campaign: the default period starts here and
 * the trend charts mark it
 * @param handlingLimitHours a complaint handled within this many hours counts as handled
 * in time; one of {@link HandlingBuckets#BOUNDS_HOURS}
 * @param laggardScore enterprises scoring below this are highlighted in the league table
 * @param cacheSize how many computed views are kept (per data version)
 * @param warmUp compute the period presets' views once after the start, in the background
 * @param maxStale how long a computed view is shown after its data changed (while the
 * feeds ingest, they change with every committed chunk); zero: always the latest data
 */
@ConfigurationProperties("qinglang.dashboard")
public record DashboardProperties(@DefaultValue("2026-05-18") LocalDate campaignStart,
		@DefaultValue("24") int handlingLimitHours, @DefaultValue("60") double laggardScore,
		@DefaultValue("500") int cacheSize, @DefaultValue("true") boolean warmUp,
		@DefaultValue("10s") Duration maxStale) {

	public DashboardProperties {
		if (!HandlingBuckets.BOUNDS_HOURS.contains(handlingLimitHours)) {
			throw new IllegalArgumentException("qinglang.dashboard.handling-limit-hours must be one of "
					+ HandlingBuckets.BOUNDS_HOURS + ", not " + handlingLimitHours);
		}
	}

}
