package cn.qinglang.inspect.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.qinglang.inspect.system.Times;

@Repository
public class CatalogItems {

	private final JdbcClient jdbc;

	CatalogItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Items a new finding may cite. */
	public List<CatalogItem> active() {
		return this.jdbc.sql("SELECT * FROM catalog_item WHERE retired_at IS NULL ORDER BY code")
			.query(CatalogItems::map)
			.list();
	}

	public List<CatalogItem> all() {
		return this.jdbc.sql("SELECT * FROM catalog_item ORDER BY retired_at IS NOT NULL, code")
			.query(CatalogItems::map)
			.list();
	}

	public Optional<CatalogItem> find(long id) {
		return this.jdbc.sql("SELECT * FROM catalog_item WHERE id = :id")
			.param("id", id)
			.query(CatalogItems::map)
			.optional();
	}

	boolean codeTaken(String code) {
		return this.jdbc.sql("SELECT COUNT(*) FROM catalog_item WHERE code = :code")
			.param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	long insert(CatalogItemForm form) {
		this.jdbc.sql("""
				INSERT INTO catalog_item (code, title_zh, title_en, legal_basis, applies_to, default_severity)
				VALUES (:code, :titleZh, :titleEn, :legalBasis, :appliesTo, :severity)""")
			.param("code", form.code())
			.param("titleZh", form.titleZh())
			.param("titleEn", form.titleEn())
			.param("legalBasis", form.legalBasis())
			.param("appliesTo", form.appliesTo())
			.param("severity", form.defaultSeverity().name())
			.update();
		return this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
	}

	void retire(long id, Instant at) {
		this.jdbc.sql("UPDATE catalog_item SET retired_at = :at WHERE id = :id AND retired_at IS NULL")
			.param("at", Times.toDb(at))
			.param("id", id)
			.update();
	}

	private static CatalogItem map(ResultSet rs, int row) throws SQLException {
		return new CatalogItem(rs.getLong("id"), rs.getString("code"), rs.getString("title_zh"),
				rs.getString("title_en"), rs.getString("legal_basis"), rs.getString("applies_to"),
				Severity.valueOf(rs.getString("default_severity")),
				Times.fromDb(rs.getObject("retired_at", LocalDateTime.class)));
	}

}
