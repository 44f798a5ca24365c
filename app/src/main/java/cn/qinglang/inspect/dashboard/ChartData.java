package cn.qinglang.inspect.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.qinglang.batch.records.PlatformInterface.EnforcementActor;

/**
 * The numbers of each chart as JSON for the page's script (placed in a data attribute, so
 * the page has no inline script), with the labels in the reader's language and, per
 * segment, the link to the list behind it.
 */
@Component
class ChartData {

	private final JsonMapper json;

	private final MessageSource messages;

	ChartData(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	/**
	 * Weekly rates and volumes; a click on a week opens that week's complaints (within
	 * the period) under {@code drillBase}, or nothing when it is null.
	 */
	String trend(List<WeekPoint> weeks, DashboardFilter filter, String drillBase, LocalDate campaignStart,
			Locale locale) {
		Map<String, Object> data = new LinkedHashMap<>();
		if (drillBase != null) {
			Period period = filter.period();
			data.put("links", weeks.stream().map((week) -> {
				LocalDate from = week.week().isBefore(period.from()) ? period.from() : week.week();
				LocalDate to = week.week().plusDays(6).isAfter(period.to()) ? period.to() : week.week().plusDays(6);
				return drillBase + "/complaints?" + filter.over(new Period(from, to)).query();
			}).toList());
		}
		data.put("weeks", weeks.stream().map((week) -> week.week().toString()).toList());
		data.put("series",
				List.of(series(label("dashboard.kpi.explicitRate", locale), "rate",
						weeks.stream().map((week) -> Rounded.percent(week.explicitRate())).toList()),
						series(label("dashboard.kpi.implicitRate", locale), "rate",
								weeks.stream().map((week) -> Rounded.percent(week.implicitRate())).toList()),
						series(label("dashboard.kpi.verificationRate", locale), "rate",
								weeks.stream().map((week) -> Rounded.percent(week.verificationRate())).toList()),
						series(label("dashboard.kpi.complaintsReceived", locale), "count",
								weeks.stream().map(WeekPoint::complaintsReceived).toList()),
						series(label("dashboard.kpi.complaintsHandled", locale), "count",
								weeks.stream().map(WeekPoint::complaintsHandled).toList())));
		// the week the campaign started in, marked only when the chart shows it
		data.put("mark", campaignStart.with(DayOfWeek.MONDAY).toString());
		data.put("markLabel", label("dashboard.campaignStart", locale));
		return this.json.writeValueAsString(data);
	}

	String categories(List<CategoryRow> rows, String drill, Locale locale) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels",
				rows.stream().map((row) -> label("dashboard.category." + row.category().name(), locale)).toList());
		data.put("series", List.of(series(label("dashboard.kpi.complaintsReceived", locale), "count",
				rows.stream().map(CategoryRow::received).toList())));
		data.put("links", rows.stream().map((row) -> drill + "&category=" + row.category().name()).toList());
		return this.json.writeValueAsString(data);
	}

	String campaignCategories(List<CategoryRow> rows, String drill, Locale locale) {
		List<CategoryRow.CampaignRow> campaign = CategoryRow.byCampaign(rows);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", campaign.stream().map((row) -> label("feed.campaign." + row.category(), locale)).toList());
		data.put("series", List.of(series(label("dashboard.kpi.complaintsReceived", locale), "count",
				campaign.stream().map(CategoryRow.CampaignRow::received).toList())));
		data.put("links", campaign.stream().map((row) -> drill + "&campaignCategory=" + row.category()).toList());
		return this.json.writeValueAsString(data);
	}

	String actions(List<ActionRow> rows, String drill, Locale locale) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels",
				rows.stream().map((row) -> label("dashboard.actionType." + row.type().name(), locale)).toList());
		List<Map<String, Object>> series = new ArrayList<>();
		for (EnforcementActor actor : EnforcementActor.values()) {
			series.add(series(label("dashboard.actor." + actor.name(), locale), "count",
					rows.stream().map((row) -> (row.actor() == actor) ? row.items() : 0L).toList()));
		}
		data.put("series", series);
		data.put("stack", true);
		data.put("links", rows.stream().map((row) -> drill + "&type=" + row.type().name()).toList());
		return this.json.writeValueAsString(data);
	}

	private static Map<String, Object> series(String name, String unit, List<?> values) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("unit", unit);
		series.put("values", values);
		return series;
	}

	private String label(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

}
