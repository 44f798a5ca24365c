package cn.qinglang.inspect.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.web.util.UriUtils;

import cn.qinglang.batch.records.PlatformInterface.ContentType;
import cn.qinglang.batch.records.PlatformInterface;
import cn.qinglang.inspect.enterprise.EnterpriseFilter;
import cn.qinglang.inspect.enterprise.EnterpriseKind;
import cn.qinglang.inspect.enterprise.EnterpriseScope;

/**
 * What a dashboard shows, as it stands in the URL so that a view can be bookmarked and
 * shared: the period (a preset or custom days) and the optional restrictions to a
 * jurisdiction, a kind of enterprise, a content type and one enterprise.
 *
 * @param preset how the period was chosen
 * @param period the days shown
 * @param jurisdiction a jurisdiction code, or null for the whole scope
 * @param kind generation providers or dissemination platforms (an enterprise that is both
 * counts as either), or null
 * @param contentType one content type, or null; enforcement actions have none and ignore
 * it
 * @param enterpriseId one enterprise, or null
 * @param problems message codes of parameters that were refused and replaced by defaults
 */
public record DashboardFilter(Preset preset, Period period, String jurisdiction, EnterpriseKind kind,
		ContentType contentType, Long enterpriseId, List<String> problems) {

	/** How a period is chosen. */
	public enum Preset {

		CAMPAIGN, LAST_7, LAST_30, LAST_90, QUARTER, CUSTOM

	}

	/**
	 * Reads the filter from request parameters; a refused parameter is replaced by its
	 * default and named in {@link #problems()}.
	 */
	public static DashboardFilter parse(Map<String, String> params, LocalDate today, LocalDate campaignStart) {
		List<String> problems = new ArrayList<>();
		Preset preset = parseEnum(Preset.class, params.get("preset"), Preset.CAMPAIGN, "dashboard.problem.preset",
				problems);
		Period period = switch (preset) {
			case CAMPAIGN -> new Period(campaignStart, today);
			case LAST_7 -> new Period(today.minusDays(6), today);
			case LAST_30 -> new Period(today.minusDays(29), today);
			case LAST_90 -> new Period(today.minusDays(89), today);
			case QUARTER ->
				new Period(today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1), today);
			case CUSTOM -> custom(params.get("from"), params.get("to"), today, problems);
		};
		if (period == null) {
			preset = Preset.CAMPAIGN;
			period = new Period(campaignStart, today);
		}
		String jurisdiction = params.get("jurisdiction");
		if (jurisdiction != null && !jurisdiction.matches("[0-9]{1,12}")) {
			problems.add("dashboard.problem.jurisdiction");
			jurisdiction = null;
		}
		EnterpriseKind kind = parseEnum(EnterpriseKind.class, params.get("kind"), null, "dashboard.problem.kind",
				problems);
		if (kind == EnterpriseKind.BOTH) {
			kind = null;
		}
		ContentType contentType = parseEnum(ContentType.class, params.get("contentType"), null,
				"dashboard.problem.contentType", problems);
		Long enterpriseId = null;
		String enterprise = params.get("enterprise");
		if (enterprise != null && !enterprise.isBlank()) {
			if (enterprise.matches("[0-9]{1,18}")) {
				enterpriseId = Long.valueOf(enterprise);
			}
			else {
				problems.add("dashboard.problem.enterprise");
			}
		}
		return new DashboardFilter(preset, period, blankToNull(jurisdiction), kind, contentType, enterpriseId,
				List.copyOf(problems));
	}

	/** The same view for one enterprise, as the enterprise dashboard shows it. */
	public DashboardFilter forEnterprise(long id) {
		return new DashboardFilter(this.preset, this.period, null, null, this.contentType, id, this.problems);
	}

	/** The same restrictions over other days, as a custom period. */
	public DashboardFilter over(Period other) {
		return new DashboardFilter(Preset.CUSTOM, other, this.jurisdiction, this.kind, this.contentType,
				this.enterpriseId, this.problems);
	}

	/** Without the enterprise restriction, e.g. for peers. */
	public DashboardFilter withKind(EnterpriseKind other) {
		return new DashboardFilter(this.preset, this.period, null, other, this.contentType, null, this.problems);
	}

	/**
	 * The filter as URL query parameters (without a leading {@code ?}), for links that
	 * keep the view; the custom days are written only for a custom period.
	 */
	public String query() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("preset", this.preset);
		if (this.preset == Preset.CUSTOM) {
			values.put("from", this.period.from());
			values.put("to", this.period.to());
		}
		values.put("jurisdiction", this.jurisdiction);
		values.put("kind", this.kind);
		values.put("contentType", this.contentType);
		values.put("enterprise", this.enterpriseId);
		return values.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() != null)
			.map((entry) -> entry.getKey() + "="
					+ UriUtils.encodeQueryParam(String.valueOf(entry.getValue()), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** The filter's restrictions of enterprises, for the owners' query APIs. */
	public EnterpriseFilter enterprises() {
		return new EnterpriseFilter(this.jurisdiction, this.kind, this.enterpriseId);
	}

	/**
	 * SQL for this filter over the aliases of a scope's join, {@code e} (enterprise) and
	 * {@code j} (its jurisdiction) (see {@link EnterpriseScope#join(String)}), and, when
	 * {@code contentType} is set, {@code f.content_type}; the values are put in
	 * {@code params}.
	 */
	public String condition(boolean contentType, Map<String, Object> params) {
		String condition = enterprises().condition(params);
		if (this.contentType() != null && contentType) {
			params.put("fContentType", this.contentType().name());
			return condition + " AND f.content_type = :fContentType";
		}
		return condition;
	}

	private static Period custom(String from, String to, LocalDate today, List<String> problems) {
		try {
			LocalDate first = LocalDate.parse(from);
			LocalDate last = LocalDate.parse(to);
			if (last.isBefore(first)) {
				problems.add("dashboard.problem.order");
				return null;
			}
			if (first.isBefore(PlatformInterface.FIRST_DAY) || last.isAfter(today)) {
				problems.add("dashboard.problem.range");
				return null;
			}
			return new Period(first, last);
		}
		catch (DateTimeParseException | NullPointerException ex) {
			problems.add("dashboard.problem.date");
			return null;
		}
	}

	private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, E fallback, String problem,
			List<String> problems) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			problems.add(problem);
			return fallback;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
