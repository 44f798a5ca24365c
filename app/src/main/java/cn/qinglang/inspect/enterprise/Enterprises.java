package cn.qinglang.inspect.enterprise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

import cn.qinglang.inspect.jurisdiction.Jurisdiction;
import cn.qinglang.inspect.system.LikePattern;
import cn.qinglang.inspect.system.Page;
import cn.qinglang.inspect.system.Times;
import cn.qinglang.inspect.system.Bilingual;

/**
 * Enterprises, always read through a scope so that no caller can forget it.
 */
@Repository
public class Enterprises {

	private static final String COLUMNS = """
			SELECT e.id, e.code, e.name_zh, e.name_en, e.credit_code, e.kind, e.algorithm_filing_no, e.status,
			  e.created_at, e.updated_at, j.code AS j_code, j.parent_code AS j_parent_code, j.level AS j_level,
			  j.name_zh AS j_name_zh, j.name_en AS j_name_en, j.office_name_zh AS j_office_name_zh,
			  j.office_name_en AS j_office_name_en, j.doc_prefix AS j_doc_prefix, j.path AS j_path
			FROM""";

	private final JdbcClient jdbc;

	Enterprises(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Page<Enterprise> search(EnterpriseScope scope, EnterpriseSearch search, int size) {
		List<String> conditions = new ArrayList<>(List.of("TRUE"));
		Map<String, Object> params = scope.parameters();
		if (StringUtils.hasText(search.q())) {
			conditions.add("(e.name_zh LIKE :q OR e.name_en LIKE :q OR e.code LIKE :q OR e.credit_code LIKE :q)");
			params.put("q", LikePattern.containing(search.q()));
		}
		if (search.kind() != null) {
			conditions.add("e.kind = :kind");
			params.put("kind", search.kind().name());
		}
		if (search.status() != null) {
			conditions.add("e.status = :status");
			params.put("status", search.status().name());
		}
		if (StringUtils.hasText(search.jurisdiction())) {
			conditions.add(EnterpriseScope.withinJurisdiction("filterCode"));
			params.put("filterCode", search.jurisdiction());
		}
		String where = " WHERE " + String.join(" AND ", conditions);
		long total = this.jdbc.sql("SELECT COUNT(*) FROM" + scope.from() + where)
			.params(params)
			.query(Long.class)
			.single();
		int number = Page.clampNumber(search.page());
		List<Enterprise> items = this.jdbc
			.sql(COLUMNS + scope.from() + where + " ORDER BY e.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", size)
			.param("offset", Page.offset(number, size))
			.query(Enterprises::map)
			.list();
		return new Page<>(items, number, size, total);
	}

	/** The enterprise, if the scope lets the caller see it. */
	public Optional<Enterprise> find(EnterpriseScope scope, long id) {
		Map<String, Object> params = scope.parameters();
		return this.jdbc.sql(COLUMNS + scope.from() + " WHERE e.id = :id")
			.params(params)
			.param("id", id)
			.query(Enterprises::map)
			.optional();
	}

	/** The enterprises of the scope that the filter keeps, by name. */
	public List<Enterprise> filtered(EnterpriseScope scope, EnterpriseFilter filter) {
		Map<String, Object> params = scope.parameters();
		return this.jdbc.sql(COLUMNS + scope.from() + " WHERE " + filter.condition(params) + " ORDER BY e.name_zh")
			.params(params)
			.query(Enterprises::map)
			.list();
	}

	public Map<EnterpriseKind, Long> countByKind(EnterpriseScope scope) {
		Map<String, Object> params = scope.parameters();
		Map<EnterpriseKind, Long> counts = new EnumMap<>(EnterpriseKind.class);
		for (EnterpriseKind kind : EnterpriseKind.values()) {
			counts.put(kind, 0L);
		}
		this.jdbc.sql("SELECT e.kind, COUNT(*) FROM" + scope.from() + "GROUP BY e.kind").params(params).query((rs) -> {
			counts.put(EnterpriseKind.valueOf(rs.getString(1)), rs.getLong(2));
		});
		return counts;
	}

	/** Enterprises per jurisdiction inside the scope, largest first. */
	public List<JurisdictionCount> countByJurisdiction(EnterpriseScope scope) {
		Map<String, Object> params = scope.parameters();
		return this.jdbc
			.sql("""
					SELECT j.code, j.name_zh, j.name_en, COUNT(*) AS enterprises
					FROM %s GROUP BY j.code, j.name_zh, j.name_en ORDER BY enterprises DESC, j.code"""
				.formatted(scope.from()))
			.params(params)
			.query((rs, row) -> new JurisdictionCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
	}

	/** Id and name of every enterprise, for choosing one in a form. */
	public List<EnterpriseOption> options() {
		return this.jdbc.sql("SELECT id, code, name_zh FROM enterprise ORDER BY name_zh")
			.query((rs, row) -> new EnterpriseOption(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	public boolean exists(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	boolean codeTaken(String code, Long exceptId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE code = :code AND id <> :except")
			.param("code", code)
			.param("except", (exceptId != null) ? exceptId : -1L)
			.query(Long.class)
			.single() > 0;
	}

	boolean creditCodeTaken(String creditCode, Long exceptId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code = :creditCode AND id <> :except")
			.param("creditCode", creditCode)
			.param("except", (exceptId != null) ? exceptId : -1L)
			.query(Long.class)
			.single() > 0;
	}

	long insert(EnterpriseForm form) {
		this.jdbc.sql("""
				INSERT INTO enterprise (code, name_zh, name_en, credit_code, kind, algorithm_filing_no,
				  jurisdiction_code, status)
				VALUES (:code, :nameZh, :nameEn, :creditCode, :kind, :filingNo, :jurisdiction, :status)""")
			.params(columns(form))
			.update();
		return this.jdbc.sql("SELECT id FROM enterprise WHERE code = :code")
			.param("code", form.code())
			.query(Long.class)
			.single();
	}

	void update(long id, EnterpriseForm form) {
		this.jdbc.sql("""
				UPDATE enterprise SET code = :code, name_zh = :nameZh, name_en = :nameEn, credit_code = :creditCode,
				  kind = :kind, algorithm_filing_no = :filingNo, jurisdiction_code = :jurisdiction, status = :status,
				  updated_at = UTC_TIMESTAMP(6), version = version + 1
				WHERE id = :id""").params(columns(form)).param("id", id).update();
	}

	void setStatus(long id, EnterpriseStatus status) {
		this.jdbc.sql("""
				UPDATE enterprise SET status = :status, updated_at = UTC_TIMESTAMP(6), version = version + 1
				WHERE id = :id""").param("status", status.name()).param("id", id).update();
	}

	private static Map<String, Object> columns(EnterpriseForm form) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("code", form.code());
		columns.put("nameZh", form.nameZh());
		columns.put("nameEn", form.nameEn());
		columns.put("creditCode", form.creditCode());
		columns.put("kind", form.kind().name());
		columns.put("filingNo", form.algorithmFilingNo());
		columns.put("jurisdiction", form.jurisdictionCode());
		columns.put("status", form.status().name());
		return columns;
	}

	private static Enterprise map(ResultSet rs, int row) throws SQLException {
		Jurisdiction jurisdiction = new Jurisdiction(rs.getString("j_code"), rs.getString("j_parent_code"),
				rs.getString("j_level"), rs.getString("j_name_zh"), rs.getString("j_name_en"),
				rs.getString("j_office_name_zh"), rs.getString("j_office_name_en"), rs.getString("j_doc_prefix"),
				rs.getString("j_path"));
		return new Enterprise(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				rs.getString("credit_code"), EnterpriseKind.valueOf(rs.getString("kind")),
				rs.getString("algorithm_filing_no"), jurisdiction, EnterpriseStatus.valueOf(rs.getString("status")),
				Times.fromDb(rs.getObject("created_at", LocalDateTime.class)),
				Times.fromDb(rs.getObject("updated_at", LocalDateTime.class)));
	}

	/** A jurisdiction with its number of enterprises. */
	public record JurisdictionCount(String code, String nameZh, String nameEn, long enterprises) {

		public String name(Locale locale) {
			return Bilingual.pick(locale, this.nameZh, this.nameEn);
		}

	}

	/** An enterprise as a choice in a form. */
	public record EnterpriseOption(long id, String code, String nameZh) {
	}

}
