package cn.qinglang.inspect.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.qinglang.inspect.catalog.Severity;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.system.Times;

/**
 * Inspections and findings, read through the caller's enterprise scope.
 */
@Repository
public class Inspections {

	private static final String SELECT = "SELECT i.*, e.name_zh AS enterprise_name FROM inspection i";

	private final JdbcClient jdbc;

	Inspections(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Inspection> find(EnterpriseScope scope, long id) {
		Map<String, Object> params = scope.parameters();
		return this.jdbc.sql(SELECT + scope.join("i.enterprise_id") + "WHERE i.id = :id")
			.params(params)
			.param("id", id)
			.query(Inspections::map)
			.optional();
	}

	public List<Inspection> list(EnterpriseScope scope, int limit) {
		Map<String, Object> params = scope.parameters();
		return this.jdbc.sql(SELECT + scope.join("i.enterprise_id") + "ORDER BY i.id DESC LIMIT :limit")
			.params(params)
			.param("limit", limit)
			.query(Inspections::map)
			.list();
	}

	public List<Inspection> ofEnterprise(EnterpriseScope scope, long enterpriseId) {
		Map<String, Object> params = scope.parameters();
		return this.jdbc
			.sql(SELECT + scope.join("i.enterprise_id") + "WHERE i.enterprise_id = :enterprise"
					+ " ORDER BY i.inspection_date DESC, i.id DESC")
			.params(params)
			.param("enterprise", enterpriseId)
			.query(Inspections::map)
			.list();
	}

	public List<Finding> findings(long inspectionId) {
		return this.jdbc.sql("""
				SELECT f.*, c.code, c.title_zh, c.title_en FROM finding f
				JOIN catalog_item c ON c.id = f.catalog_item_id
				WHERE f.inspection_id = :inspection ORDER BY f.id""")
			.param("inspection", inspectionId)
			.query((rs, row) -> mapFinding(rs))
			.list()
			.stream()
			.map((finding) -> withAttachments(finding))
			.toList();
	}

	/**
	 * One enterprise's latest findings, if in the scope, newest first; their attachments
	 * are not loaded (a summary, e.g. on the enterprise dashboard).
	 */
	public List<Finding> recentFindings(EnterpriseScope scope, long enterpriseId, int limit) {
		Map<String, Object> params = scope.parameters();
		return this.jdbc.sql("""
				SELECT f.*, c.code, c.title_zh, c.title_en FROM finding f
				JOIN catalog_item c ON c.id = f.catalog_item_id
				JOIN inspection i ON i.id = f.inspection_id %s
				WHERE i.enterprise_id = :enterprise
				ORDER BY f.recorded_at DESC, f.id DESC LIMIT :limit""".formatted(scope.join("i.enterprise_id")))
			.params(params)
			.param("enterprise", enterpriseId)
			.param("limit", limit)
			.query((rs, row) -> mapFinding(rs))
			.list();
	}

	public List<Finding> findingsById(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT f.*, c.code, c.title_zh, c.title_en FROM finding f
				JOIN catalog_item c ON c.id = f.catalog_item_id
				WHERE f.id IN (:ids) ORDER BY f.id""")
			.param("ids", ids)
			.query((rs, row) -> mapFinding(rs))
			.list()
			.stream()
			.map((finding) -> withAttachments(finding))
			.toList();
	}

	/** The findings an order cited, for marking one as found again at re-inspection. */
	public List<Finding> findingsOfOrder(long orderId) {
		return findingsById(this.jdbc.sql("SELECT finding_id FROM order_finding WHERE order_id = :o")
			.param("o", orderId)
			.query(Long.class)
			.list());
	}

	long insert(long enterpriseId, String jurisdictionCode, InspectionForm form, Long followUpOfOrderId,
			String openedBy, Instant at) {
		this.jdbc.sql("""
				INSERT INTO inspection (enterprise_id, jurisdiction_code, kind, inspection_date, inspectors, scope,
				  follow_up_of_order_id, opened_by, opened_at)
				VALUES (:enterprise, :jurisdiction, :kind, :date, :inspectors, :scope, :followUp, :openedBy, :at)""")
			.param("enterprise", enterpriseId)
			.param("jurisdiction", jurisdictionCode)
			.param("kind", form.kind().name())
			.param("date", form.date())
			.param("inspectors", form.inspectors())
			.param("scope", form.scope())
			.param("followUp", followUpOfOrderId)
			.param("openedBy", openedBy)
			.param("at", Times.toDb(at))
			.update();
		return this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
	}

	long insertFinding(long inspectionId, long catalogItemId, FindingForm form, String recordedBy, Instant at) {
		this.jdbc.sql("""
				INSERT INTO finding (inspection_id, catalog_item_id, description, severity, legal_basis,
				  recurrence_of_finding_id, recorded_by, recorded_at)
				VALUES (:inspection, :item, :description, :severity, :legalBasis, :recurrence, :by, :at)""")
			.param("inspection", inspectionId)
			.param("item", catalogItemId)
			.param("description", form.description())
			.param("severity", form.severity().name())
			.param("legalBasis", form.legalBasis())
			.param("recurrence", form.recurrenceOfFindingId())
			.param("by", recordedBy)
			.param("at", Times.toDb(at))
			.update();
		return this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
	}

	void attach(long findingId, long fileId, String fileName) {
		this.jdbc
			.sql("INSERT INTO finding_attachment (finding_id, file_object_id, file_name) VALUES (:f, :file, :name)")
			.param("f", findingId)
			.param("file", fileId)
			.param("name", fileName)
			.update();
	}

	/** Closes an open inspection; false when it was not open (any more). */
	boolean close(long id, Instant at) {
		return this.jdbc.sql("""
				UPDATE inspection SET status = 'CLOSED', closed_at = :at, version = version + 1
				WHERE id = :id AND status = 'OPEN'""").param("at", Times.toDb(at)).param("id", id).update() == 1;
	}

	/** Whether a file is attached to a finding of an inspection in the scope. */
	public Optional<String> attachmentName(EnterpriseScope scope, long fileId) {
		Map<String, Object> params = scope.parameters();
		return this.jdbc.sql("""
				SELECT a.file_name FROM finding_attachment a
				JOIN finding f ON f.id = a.finding_id
				JOIN inspection i ON i.id = f.inspection_id %s
				WHERE a.file_object_id = :file LIMIT 1""".formatted(scope.join("i.enterprise_id")))
			.params(params)
			.param("file", fileId)
			.query(String.class)
			.optional();
	}

	private Finding withAttachments(Finding finding) {
		List<Finding.Attachment> attachments = this.jdbc.sql("""
				SELECT o.id, a.file_name, o.size_bytes, o.sha256, o.sm3 FROM finding_attachment a
				JOIN file_object o ON o.id = a.file_object_id WHERE a.finding_id = :f ORDER BY a.id""")
			.param("f", finding.id())
			.query((rs, row) -> new Finding.Attachment(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5)))
			.list();
		return new Finding(finding.id(), finding.inspectionId(), finding.catalogCode(), finding.catalogTitleZh(),
				finding.catalogTitleEn(), finding.description(), finding.severity(), finding.legalBasis(),
				finding.recurrenceOfFindingId(), finding.recordedBy(), finding.recordedAt(), attachments);
	}

	private static Finding mapFinding(ResultSet rs) throws SQLException {
		return new Finding(rs.getLong("id"), rs.getLong("inspection_id"), rs.getString("code"),
				rs.getString("title_zh"), rs.getString("title_en"), rs.getString("description"),
				Severity.valueOf(rs.getString("severity")), rs.getString("legal_basis"),
				rs.getObject("recurrence_of_finding_id", Long.class), rs.getString("recorded_by"),
				Times.fromDb(rs.getObject("recorded_at", LocalDateTime.class)), List.of());
	}

	private static Inspection map(ResultSet rs, int row) throws SQLException {
		return new Inspection(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
				rs.getString("jurisdiction_code"), InspectionKind.valueOf(rs.getString("kind")),
				rs.getObject("inspection_date", LocalDate.class), rs.getString("inspectors"), rs.getString("scope"),
				"OPEN".equals(rs.getString("status")), rs.getObject("follow_up_of_order_id", Long.class),
				rs.getString("opened_by"), Times.fromDb(rs.getObject("opened_at", LocalDateTime.class)),
				Times.fromDb(rs.getObject("closed_at", LocalDateTime.class)));
	}

}
