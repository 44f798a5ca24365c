package cn.qinglang.inspect.rectification;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.system.Times;

/**
 * Orders, measures, submissions, extensions and timelines; orders are always read through
 * the caller's enterprise scope.
 */
@Repository
public class Orders {

	private static final String SELECT = "SELECT o.*, e.name_zh AS enterprise_name FROM rectification_order o";

	private final JdbcClient jdbc;

	Orders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<RectificationOrder> find(EnterpriseScope scope, long id) {
		Map<String, Object> params = scope.parameters();
		return this.jdbc.sql(SELECT + scope.join("o.enterprise_id") + "WHERE o.id = :id")
			.params(params)
			.param("id", id)
			.query(Orders::map)
			.optional();
	}

	/** Orders in the scope, newest first; with {@code openOnly} only those not closed. */
	public List<RectificationOrder> list(EnterpriseScope scope, boolean openOnly, int limit) {
		return newest(scope, openOnly ? " AND o.status <> 'CLOSED'" : "", Map.of(), limit);
	}

	/** One enterprise's orders, if in the scope, newest first. */
	public List<RectificationOrder> ofEnterprise(EnterpriseScope scope, long enterpriseId, int limit) {
		return newest(scope, " AND o.enterprise_id = :enterprise", Map.of("enterprise", enterpriseId), limit);
	}

	private List<RectificationOrder> newest(EnterpriseScope scope, String condition, Map<String, Object> extra,
			int limit) {
		Map<String, Object> params = scope.parameters();
		params.putAll(extra);
		return this.jdbc
			.sql(SELECT + scope.join("o.enterprise_id") + "WHERE TRUE" + condition + " ORDER BY o.id DESC LIMIT :limit")
			.params(params)
			.param("limit", limit)
			.query(Orders::map)
			.list();
	}

	/** Every order not closed, whoever issued it: for the reminders. */
	public List<RectificationOrder> allOpen() {
		return list(EnterpriseScope.everything(), true, Integer.MAX_VALUE);
	}

	public List<Long> findingIds(long orderId) {
		return this.jdbc.sql("SELECT finding_id FROM order_finding WHERE order_id = :o ORDER BY finding_id")
			.param("o", orderId)
			.query(Long.class)
			.list();
	}

	/** The order that cited a finding, if any. */
	Optional<Long> orderOfFinding(long findingId) {
		return this.jdbc.sql("SELECT MIN(order_id) FROM order_finding WHERE finding_id = :f")
			.param("f", findingId)
			.query(Long.class)
			.optional();
	}

	public List<Measure> measures(long orderId) {
		List<Measure> bare = this.jdbc.sql("SELECT * FROM order_measure WHERE order_id = :o ORDER BY position")
			.param("o", orderId)
			.query((rs, row) -> new Measure(rs.getLong("id"), rs.getLong("order_id"), rs.getInt("position"),
					rs.getString("title"), MeasureStatus.valueOf(rs.getString("status")), rs.getInt("version"),
					List.of()))
			.list();
		List<Measure> measures = new ArrayList<>();
		for (Measure measure : bare) {
			measures.add(new Measure(measure.id(), measure.orderId(), measure.position(), measure.title(),
					measure.status(), measure.version(), submissions(measure.id())));
		}
		return measures;
	}

	/** Whether every measure of an order is accepted: counted by the database. */
	boolean allMeasuresAccepted(long orderId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM order_measure WHERE order_id = :o AND status <> 'ACCEPTED'")
			.param("o", orderId)
			.query(Long.class)
			.single() == 0;
	}

	Optional<Measure> measure(long orderId, long measureId) {
		return measures(orderId).stream().filter((measure) -> measure.id() == measureId).findFirst();
	}

	public List<Extension> extensions(long orderId) {
		return this.jdbc.sql("SELECT * FROM deadline_extension WHERE order_id = :o ORDER BY id")
			.param("o", orderId)
			.query((rs, row) -> new Extension(rs.getLong("id"), rs.getLong("order_id"),
					rs.getObject("requested_deadline", LocalDate.class), rs.getString("reason"),
					rs.getString("requested_by"), instant(rs, "requested_at"), rs.getString("decision"),
					rs.getString("decision_comment"), rs.getString("decided_by"), instant(rs, "decided_at")))
			.list();
	}

	public List<OrderEvent> timeline(long orderId) {
		return this.jdbc.sql("SELECT * FROM order_event WHERE order_id = :o ORDER BY id")
			.param("o", orderId)
			.query((rs, row) -> new OrderEvent(instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("kind"),
					rs.getString("detail")))
			.list();
	}

	/** The name under which a file was submitted to an order in the scope, if it was. */
	public Optional<String> submittedFileName(EnterpriseScope scope, long fileId) {
		Map<String, Object> params = scope.parameters();
		return this.jdbc.sql("""
				SELECT sf.file_name FROM submission_file sf
				JOIN measure_submission s ON s.id = sf.submission_id
				JOIN order_measure m ON m.id = s.measure_id
				JOIN rectification_order o ON o.id = m.order_id %s
				WHERE sf.file_object_id = :file LIMIT 1""".formatted(scope.join("o.enterprise_id")))
			.params(params)
			.param("file", fileId)
			.query(String.class)
			.optional();
	}

	long insert(NewOrder order) {
		this.jdbc.sql("""
				INSERT INTO rectification_order (number, jurisdiction_code, order_year, sequence_no, enterprise_id,
				  inspection_id, disposition, fine_amount, deadline, escalation_of_order_id, issued_by, issued_at)
				VALUES (:number, :jurisdiction, :year, :sequence, :enterprise, :inspection, :disposition, :fine,
				  :deadline, :escalation, :issuedBy, :issuedAt)""")
			.param("number", order.number())
			.param("jurisdiction", order.jurisdictionCode())
			.param("year", order.year())
			.param("sequence", order.sequence())
			.param("enterprise", order.enterpriseId())
			.param("inspection", order.inspectionId())
			.param("disposition", order.disposition().name())
			.param("fine", order.fineAmount())
			.param("deadline", order.deadline())
			.param("escalation", order.escalationOfOrderId())
			.param("issuedBy", order.issuedBy())
			.param("issuedAt", Times.toDb(order.issuedAt()))
			.update();
		long id = lastId();
		for (Long findingId : order.findingIds()) {
			this.jdbc.sql("INSERT INTO order_finding (order_id, finding_id) VALUES (:o, :f)")
				.param("o", id)
				.param("f", findingId)
				.update();
		}
		int position = 1;
		for (String title : order.measures()) {
			this.jdbc.sql("INSERT INTO order_measure (order_id, position, title) VALUES (:o, :p, :t)")
				.param("o", id)
				.param("p", position++)
				.param("t", title)
				.update();
		}
		return id;
	}

	int nextVersion(long measureId) {
		return this.jdbc.sql("SELECT COALESCE(MAX(version_no), 0) + 1 FROM measure_submission WHERE measure_id = :m")
			.param("m", measureId)
			.query(Integer.class)
			.single();
	}

	long insertSubmission(long measureId, int versionNo, String statement, LocalDate effectiveDate, String by,
			Instant at) {
		this.jdbc.sql("""
				INSERT INTO measure_submission (measure_id, version_no, statement, effective_date, submitted_by,
				  submitted_at) VALUES (:m, :v, :statement, :effective, :by, :at)""")
			.param("m", measureId)
			.param("v", versionNo)
			.param("statement", statement)
			.param("effective", effectiveDate)
			.param("by", by)
			.param("at", Times.toDb(at))
			.update();
		return lastId();
	}

	void attachToSubmission(long submissionId, long fileId, String fileName) {
		this.jdbc.sql("INSERT INTO submission_file (submission_id, file_object_id, file_name) VALUES (:s, :f, :n)")
			.param("s", submissionId)
			.param("f", fileId)
			.param("n", fileName)
			.update();
	}

	/** Moves a measure if nobody moved it since it was read; false when somebody did. */
	boolean moveMeasure(long measureId, int expectedVersion, MeasureStatus to) {
		return this.jdbc.sql("""
				UPDATE order_measure SET status = :to, version = version + 1
				WHERE id = :id AND version = :expected""")
			.param("to", to.name())
			.param("id", measureId)
			.param("expected", expectedVersion)
			.update() == 1;
	}

	/** Writes the review of a submission once; false when it was already reviewed. */
	boolean review(long submissionId, String outcome, String comment, String by, Instant at) {
		return this.jdbc.sql("""
				UPDATE measure_submission SET review_outcome = :outcome, review_comment = :comment,
				  reviewed_by = :by, reviewed_at = :at
				WHERE id = :id AND review_outcome IS NULL""")
			.param("outcome", outcome)
			.param("comment", comment)
			.param("by", by)
			.param("at", Times.toDb(at))
			.param("id", submissionId)
			.update() == 1;
	}

	void moveOrder(long orderId, OrderStatus to, Instant at) {
		this.jdbc.sql("""
				UPDATE rectification_order SET status = :to, version = version + 1,
				  closed_at = CASE WHEN :to = 'CLOSED' THEN :at ELSE closed_at END
				WHERE id = :id""").param("to", to.name()).param("at", Times.toDb(at)).param("id", orderId).update();
	}

	void setDeadline(long orderId, LocalDate deadline) {
		this.jdbc.sql("UPDATE rectification_order SET deadline = :d, version = version + 1 WHERE id = :id")
			.param("d", deadline)
			.param("id", orderId)
			.update();
	}

	long insertExtension(long orderId, LocalDate requested, String reason, String by, Instant at) {
		this.jdbc.sql("""
				INSERT INTO deadline_extension (order_id, requested_deadline, reason, requested_by, requested_at)
				VALUES (:o, :d, :reason, :by, :at)""")
			.param("o", orderId)
			.param("d", requested)
			.param("reason", reason)
			.param("by", by)
			.param("at", Times.toDb(at))
			.update();
		return lastId();
	}

	boolean decideExtension(long extensionId, String decision, String comment, String by, Instant at) {
		return this.jdbc.sql("""
				UPDATE deadline_extension SET decision = :decision, decision_comment = :comment, decided_by = :by,
				  decided_at = :at WHERE id = :id AND decision = 'PENDING'""")
			.param("decision", decision)
			.param("comment", comment)
			.param("by", by)
			.param("at", Times.toDb(at))
			.param("id", extensionId)
			.update() == 1;
	}

	void event(long orderId, String actor, String kind, String detail, Instant at) {
		this.jdbc.sql("""
				INSERT INTO order_event (order_id, occurred_at, actor, kind, detail)
				VALUES (:o, :at, :actor, :kind, :detail)""")
			.param("o", orderId)
			.param("at", Times.toDb(at))
			.param("actor", actor)
			.param("kind", kind)
			.param("detail", (detail != null && detail.length() > 1000) ? detail.substring(0, 1000) : detail)
			.update();
	}

	private List<Submission> submissions(long measureId) {
		List<Submission> bare = this.jdbc
			.sql("SELECT * FROM measure_submission WHERE measure_id = :m ORDER BY version_no")
			.param("m", measureId)
			.query((rs, row) -> new Submission(rs.getLong("id"), rs.getLong("measure_id"), rs.getInt("version_no"),
					rs.getString("statement"), rs.getObject("effective_date", LocalDate.class),
					rs.getString("submitted_by"), instant(rs, "submitted_at"), rs.getString("review_outcome"),
					rs.getString("review_comment"), rs.getString("reviewed_by"), instant(rs, "reviewed_at"), List.of()))
			.list();
		List<Submission> submissions = new ArrayList<>();
		for (Submission s : bare) {
			List<Submission.EvidenceFile> files = this.jdbc.sql("""
					SELECT f.id, sf.file_name, f.size_bytes, f.content_type, f.sha256, f.sm3 FROM submission_file sf
					JOIN file_object f ON f.id = sf.file_object_id WHERE sf.submission_id = :s ORDER BY sf.id""")
				.param("s", s.id())
				.query((rs, row) -> new Submission.EvidenceFile(rs.getLong(1), rs.getString(2), rs.getLong(3),
						rs.getString(4), rs.getString(5), rs.getString(6)))
				.list();
			submissions.add(new Submission(s.id(), s.measureId(), s.versionNo(), s.statement(), s.effectiveDate(),
					s.submittedBy(), s.submittedAt(), s.reviewOutcome(), s.reviewComment(), s.reviewedBy(),
					s.reviewedAt(), files));
		}
		return submissions;
	}

	private long lastId() {
		return this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return Times.fromDb(rs.getObject(column, LocalDateTime.class));
	}

	private static RectificationOrder map(ResultSet rs, int row) throws SQLException {
		return new RectificationOrder(rs.getLong("id"), rs.getString("number"), rs.getString("jurisdiction_code"),
				rs.getLong("enterprise_id"), rs.getString("enterprise_name"), rs.getLong("inspection_id"),
				Disposition.valueOf(rs.getString("disposition")), rs.getObject("fine_amount", BigDecimal.class),
				rs.getObject("deadline", LocalDate.class), OrderStatus.valueOf(rs.getString("status")),
				rs.getObject("escalation_of_order_id", Long.class), rs.getString("issued_by"), instant(rs, "issued_at"),
				instant(rs, "closed_at"));
	}

	/** What issuing writes. */
	record NewOrder(String number, String jurisdictionCode, int year, int sequence, long enterpriseId,
			long inspectionId, Disposition disposition, BigDecimal fineAmount, LocalDate deadline,
			Long escalationOfOrderId, String issuedBy, Instant issuedAt, List<Long> findingIds, List<String> measures) {
	}

}
