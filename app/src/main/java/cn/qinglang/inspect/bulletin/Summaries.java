package cn.qinglang.inspect.bulletin;

import java.time.Clock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.qinglang.inspect.dashboard.DashboardFilter;
import cn.qinglang.inspect.dashboard.Period;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.system.Times;

/**
 * The findings and orders behind a typical-issue summary, counted by the database within
 * the user's scope and the summary's jurisdiction.
 */
@Repository
class Summaries {

	private static final String FROM_FINDINGS = """
			FROM finding f
			JOIN catalog_item c ON c.id = f.catalog_item_id
			JOIN inspection i ON i.id = f.inspection_id""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Summaries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Findings by catalog item in the period, with the previous period's count. */
	List<TypicalIssueSummary.IssueRow> issues(EnterpriseScope scope, DashboardFilter filter, long inspected) {
		Period period = filter.period();
		Period previous = period.previous();
		Map<String, Object> params = params(scope, filter);
		params.put("pfrom", previous.from());
		return this.jdbc
			.sql("""
					SELECT c.code, c.title_zh, c.title_en, c.legal_basis,
					  SUM(i.inspection_date BETWEEN :from AND :to) AS findings,
					  COUNT(DISTINCT CASE WHEN i.inspection_date BETWEEN :from AND :to THEN i.enterprise_id END) AS enterprises,
					  SUM(i.inspection_date < :from) AS previous_findings
					%s
					WHERE %s AND i.inspection_date BETWEEN :pfrom AND :to
					GROUP BY c.id, c.code, c.title_zh, c.title_en, c.legal_basis
					HAVING findings > 0 OR previous_findings > 0
					ORDER BY findings DESC, c.code"""
				.formatted(FROM_FINDINGS + scope.join("i.enterprise_id"), filter.condition(false, params)))
			.params(params)
			.query((rs, row) -> new TypicalIssueSummary.IssueRow(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getLong(5), rs.getLong(6),
					(inspected == 0) ? null : (double) rs.getLong(6) / inspected, rs.getLong(7)))
			.list();
	}

	/** Enterprises inspected in the period. */
	long inspected(EnterpriseScope scope, DashboardFilter filter) {
		Map<String, Object> params = params(scope, filter);
		return this.jdbc
			.sql("""
					SELECT COUNT(DISTINCT i.enterprise_id) FROM inspection i %s
					WHERE %s AND i.inspection_date BETWEEN :from AND :to""".formatted(scope.join("i.enterprise_id"),
					filter.condition(false, params)))
			.params(params)
			.query(Long.class)
			.single();
	}

	/** Orders issued in the period by disposition, with their fines. */
	Map<String, TypicalIssueSummary.DispositionRow> dispositions(EnterpriseScope scope, DashboardFilter filter) {
		Map<String, TypicalIssueSummary.DispositionRow> rows = new LinkedHashMap<>();
		Map<String, Object> params = params(scope, filter);
		this.jdbc.sql("""
				SELECT o.disposition, COUNT(*), COALESCE(SUM(o.fine_amount), 0) FROM rectification_order o %s
				WHERE %s AND o.issued_at >= :issuedFrom AND o.issued_at < :issuedUntil
				GROUP BY o.disposition""".formatted(scope.join("o.enterprise_id"), filter.condition(false, params)))
			.params(params)
			.query((rs, row) -> new TypicalIssueSummary.DispositionRow(rs.getString(1), rs.getLong(2),
					rs.getBigDecimal(3)))
			.list()
			.forEach((row) -> rows.put(row.disposition(), row));
		return rows;
	}

	/**
	 * The period's findings as examples, most serious and latest first; with
	 * {@code anonymised} each enterprise is named by a letter in order of appearance.
	 */
	List<TypicalIssueSummary.Example> examples(EnterpriseScope scope, DashboardFilter filter, boolean anonymised,
			int limit) {
		Map<String, Object> params = params(scope, filter);
		params.put("limit", limit);
		List<Object[]> rows = this.jdbc
			.sql("""
					SELECT e.id, e.name_zh, c.code, c.title_zh, c.title_en, f.description, f.severity, i.inspection_date
					%s
					WHERE %s AND i.inspection_date BETWEEN :from AND :to
					ORDER BY FIELD(f.severity, 'SERIOUS', 'HIGH', 'MEDIUM', 'LOW'), i.inspection_date DESC, f.id DESC
					LIMIT :limit""".formatted(FROM_FINDINGS + scope.join("i.enterprise_id"),
					filter.condition(false, params)))
			.params(params)
			.query((rs,
					row) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class) })
			.list();
		Map<Long, String> letters = new LinkedHashMap<>();
		List<TypicalIssueSummary.Example> examples = new ArrayList<>();
		for (Object[] row : rows) {
			String enterprise = anonymised
					? letters.computeIfAbsent((Long) row[0], (id) -> String.valueOf((char) ('A' + letters.size() % 26)))
					: (String) row[1];
			examples.add(new TypicalIssueSummary.Example(enterprise, (String) row[2], (String) row[3], (String) row[4],
					(String) row[5], (String) row[6], (LocalDate) row[7]));
		}
		return examples;
	}

	private Map<String, Object> params(EnterpriseScope scope, DashboardFilter filter) {
		Map<String, Object> params = scope.parameters();
		params.put("from", filter.period().from());
		params.put("to", filter.period().to());
		// the period's days in the portal's zone, as the UTC times are stored
		params.put("issuedFrom", Times.startOfDay(filter.period().from(), this.clock.getZone()));
		params.put("issuedUntil", Times.startOfDay(filter.period().to().plusDays(1), this.clock.getZone()));
		return params;
	}

}
