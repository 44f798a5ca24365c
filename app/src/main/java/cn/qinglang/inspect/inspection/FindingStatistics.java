package cn.qinglang.inspect.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.qinglang.inspect.enterprise.EnterpriseFilter;
import cn.qinglang.inspect.enterprise.EnterpriseScope;

/**
 * The inspection module's query API for statistics of inspections and findings (the
 * typical-issue summaries): other modules count findings through it, never from the
 * inspection tables.
 */
@Repository
public class FindingStatistics {

	private static final String FROM_FINDINGS = """
			FROM finding f
			JOIN catalog_item c ON c.id = f.catalog_item_id
			JOIN inspection i ON i.id = f.inspection_id""";

	private final JdbcClient jdbc;

	FindingStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Findings by catalog item in inspections of the days {@code from} to {@code to},
	 * with the enterprises concerned and the findings of the days {@code previousFrom} to
	 * the day before {@code from}; items found in neither are left out. Most found first.
	 */
	public List<IssueCount> issues(EnterpriseScope scope, EnterpriseFilter filter, LocalDate from, LocalDate to,
			LocalDate previousFrom) {
		Map<String, Object> params = params(scope, from, to);
		params.put("pfrom", previousFrom);
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
				.formatted(FROM_FINDINGS + scope.join("i.enterprise_id"), filter.condition(params)))
			.params(params)
			.query((rs, row) -> new IssueCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
	}

	/**
	 * Enterprises of the scope's filtered ones inspected on the days {@code from} to
	 * {@code to}.
	 */
	public long inspected(EnterpriseScope scope, EnterpriseFilter filter, LocalDate from, LocalDate to) {
		Map<String, Object> params = params(scope, from, to);
		return this.jdbc
			.sql("""
					SELECT COUNT(DISTINCT i.enterprise_id) FROM inspection i %s
					WHERE %s AND i.inspection_date BETWEEN :from AND :to""".formatted(scope.join("i.enterprise_id"),
					filter.condition(params)))
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * Findings of inspections of the days {@code from} to {@code to}, most serious and
	 * latest first.
	 */
	public List<FindingExample> examples(EnterpriseScope scope, EnterpriseFilter filter, LocalDate from, LocalDate to,
			int limit) {
		Map<String, Object> params = params(scope, from, to);
		params.put("limit", limit);
		return this.jdbc.sql("""
				SELECT e.id, e.name_zh, c.code, c.title_zh, c.title_en, f.description, f.severity, i.inspection_date
				%s
				WHERE %s AND i.inspection_date BETWEEN :from AND :to
				ORDER BY FIELD(f.severity, 'SERIOUS', 'HIGH', 'MEDIUM', 'LOW'), i.inspection_date DESC, f.id DESC
				LIMIT :limit""".formatted(FROM_FINDINGS + scope.join("i.enterprise_id"), filter.condition(params)))
			.params(params)
			.query((rs, row) -> new FindingExample(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class)))
			.list();
	}

	private static Map<String, Object> params(EnterpriseScope scope, LocalDate from, LocalDate to) {
		Map<String, Object> params = scope.parameters();
		params.put("from", from);
		params.put("to", to);
		return params;
	}

	/**
	 * A catalog item's findings.
	 *
	 * @param enterprises enterprises with a finding of it in the period
	 * @param previousFindings its findings in the previous period
	 */
	public record IssueCount(String code, String titleZh, String titleEn, String legalBasis, long findings,
			long enterprises, long previousFindings) {
	}

	/** A finding with its enterprise, its catalog item and its inspection's day. */
	public record FindingExample(long enterpriseId, String enterpriseName, String code, String titleZh, String titleEn,
			String description, String severity, LocalDate date) {
	}

}
