package cn.qinglang.inspect.dashboard;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.qinglang.batch.aggregate.DashboardAggregates;
import cn.qinglang.batch.records.PlatformInterface.CampaignCategory;
import cn.qinglang.batch.records.PlatformInterface.ComplaintCategory;
import cn.qinglang.batch.records.PlatformInterface.EnforcementActor;
import cn.qinglang.batch.records.PlatformInterface.EnforcementType;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.system.Page;
import cn.qinglang.inspect.system.Times;

/**
 * The records behind a dashboard number, a page at a time, under the same scope and
 * filter: the one place where the dashboards read the raw tables, and only a page of them
 * (the total is counted by the database).
 */
@Repository
class DrillDowns {

	private static final String FROM = """
			FROM %s f %s
			WHERE f.%s BETWEEN :from AND :to AND %s""";

	private final JdbcClient jdbc;

	private final DashboardAggregates aggregates;

	private final ViewCache pages;

	DrillDowns(JdbcClient jdbc, DashboardAggregates aggregates, DashboardProperties properties) {
		this.jdbc = jdbc;
		this.aggregates = aggregates;
		this.pages = new ViewCache(properties.cacheSize(), properties.maxStale());
	}

	/**
	 * Complaints received in the period, newest first.
	 * @param category one red-line category, or null
	 * @param campaignCategory one of the campaign's key categories, or null
	 * @param handledOnly only those handled or dismissed
	 */
	Page<ComplaintItem> complaints(EnterpriseScope scope, DashboardFilter filter, ComplaintCategory category,
			CampaignCategory campaignCategory, boolean handledOnly, int page, int size) {
		List<String> extra = new ArrayList<>();
		Map<String, Object> params = scope.parameters();
		if (category != null) {
			extra.add("f.category = :category");
			params.put("category", category.name());
		}
		if (campaignCategory != null) {
			extra.add("f.campaign_category = :campaignCategory");
			params.put("campaignCategory", campaignCategory.name());
		}
		if (handledOnly) {
			extra.add("f.status IN ('HANDLED', 'DISMISSED')");
		}
		return page("complaint", "received_day", true, extra, scope, filter, params, """
				SELECT e.name_zh, e.name_en, f.platform_id, f.received_at, f.category, f.content_type, f.channel,
				  f.status, f.handled_at, f.outcome""", "f.received_at DESC, f.id DESC", page, size,
				(rs) -> new ComplaintItem(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9),
						rs.getString(10)));
	}

	/** Enforcement actions of the period, newest first, of one type or actor if given. */
	Page<ActionItem> actions(EnterpriseScope scope, DashboardFilter filter, EnforcementType type,
			EnforcementActor actor, int page, int size) {
		List<String> extra = new ArrayList<>();
		Map<String, Object> params = scope.parameters();
		if (type != null) {
			extra.add("f.action_type = :type");
			params.put("type", type.name());
		}
		if (actor != null) {
			extra.add("f.actor = :actor");
			params.put("actor", actor.name());
		}
		return page("enforcement_action", "day", false, extra, scope, filter, params, """
				SELECT e.name_zh, e.name_en, f.platform_id, f.day, f.action_type, f.actor, f.category, f.item_count,
				  f.amount, f.note""", "f.day DESC, f.id DESC", page, size,
				(rs) -> new ActionItem(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
						rs.getLong(8), rs.getBigDecimal(9), rs.getString(10)));
	}

	/** Labeling metrics of the period, newest first. */
	Page<MetricItem> metrics(EnterpriseScope scope, DashboardFilter filter, int page, int size) {
		return page("labeling_metric", "day", true, List.of(), scope, filter, scope.parameters(), """
				SELECT e.name_zh, e.name_en, f.platform_id, f.day, f.content_type, f.published, f.explicit_labeled,
				  f.implicit_labeled, f.verified, f.platform_detected, f.appeals_filed, f.appeals_upheld,
				  f.tampering_detected""", "f.day DESC, e.name_zh, f.content_type", page, size,
				(rs) -> new MetricItem(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, LocalDate.class), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
						rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13)));
	}

	private <T> Page<T> page(String table, String day, boolean contentType, List<String> extra, EnterpriseScope scope,
			DashboardFilter filter, Map<String, Object> params, String select, String order, int page, int size,
			RowReader<T> reader) {
		// kept like the dashboard's views, under the aggregates' version: the feeds
		// change
		// both together, so a list's total stays the number it was opened from
		List<Object> key = List.of(table, scope, filter.query(), extra, new TreeMap<>(params), page, size);
		return this.pages.get(key, this.aggregates.version(),
				() -> read(table, day, contentType, extra, scope, filter, params, select, order, page, size, reader));
	}

	private <T> Page<T> read(String table, String day, boolean contentType, List<String> extra, EnterpriseScope scope,
			DashboardFilter filter, Map<String, Object> params, String select, String order, int page, int size,
			RowReader<T> reader) {
		List<String> conditions = new ArrayList<>(extra);
		conditions.add(0, filter.condition(contentType, params));
		params.put("from", filter.period().from());
		params.put("to", filter.period().to());
		String from = FROM.formatted(table, scope.join("f.enterprise_id"), day, String.join(" AND ", conditions));
		long total = this.jdbc.sql("SELECT COUNT(*) " + from).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", Page.offset(page, size));
		// The page's ids first, sorted from the indexes alone, then only their rows read:
		// sorting all the period's joined rows to keep a page took a tenth of a second a
		// view.
		String pageIds = "SELECT f.id " + from + " ORDER BY " + order + " LIMIT :limit OFFSET :offset";
		List<T> items = this.jdbc
			.sql(select + " FROM (" + pageIds + ") page JOIN " + table + " f ON f.id = page.id"
					+ scope.join("f.enterprise_id") + "ORDER BY " + order)
			.params(params)
			.query((rs, row) -> reader.read(rs))
			.list();
		return new Page<>(items, page, size, total);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		return Times.fromDb(rs.getObject(column, LocalDateTime.class));
	}

	@FunctionalInterface
	private interface RowReader<T> {

		T read(ResultSet rs) throws SQLException;

	}

	record ComplaintItem(String enterpriseZh, String enterpriseEn, String platformId, Instant receivedAt,
			String category, String contentType, String channel, String status, Instant handledAt, String outcome) {
	}

	record ActionItem(String enterpriseZh, String enterpriseEn, String platformId, LocalDate day, String type,
			String actor, String category, long count, BigDecimal amount, String note) {
	}

	record MetricItem(String enterpriseZh, String enterpriseEn, String platformId, LocalDate day, String contentType,
			long published, long explicitLabeled, long implicitLabeled, long verified, long platformDetected,
			long appealsFiled, long appealsUpheld, long tampering) {
	}

}
