package cn.qinglang.inspect.labelcheck;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.qinglang.inspect.enterprise.Unscoped;
import cn.qinglang.inspect.evidence.StoredFile;
import cn.qinglang.labelcheck.FoundLabel;
import cn.qinglang.labelcheck.Problem;
import cn.qinglang.labelcheck.ProblemCode;
import cn.qinglang.labelcheck.SampleReport;
import cn.qinglang.labelcheck.Verdict;
import cn.qinglang.inspect.system.Page;
import cn.qinglang.inspect.system.Times;

/**
 * Spot-check runs and their results. Callers check first that the inspection is in the
 * user's scope; every query here is bound to an inspection or a run of it. Public for the
 * reports: {@link #summaries} is a spot check as a rectification report shows it.
 */
@Unscoped("spot checks are read by the inspection id that a controller found inside the user's scope")
@Repository
public class SpotChecks {

	private static final String RUN = """
			SELECT r.*, COUNT(x.id) AS files,
			  COALESCE(SUM(x.verdict = 'COMPLIANT'), 0) AS compliant,
			  COALESCE(SUM(x.verdict = 'NON_COMPLIANT'), 0) AS non_compliant,
			  COALESCE(SUM(x.verdict = 'CANNOT_TELL'), 0) AS cannot_tell
			FROM label_check_run r LEFT JOIN label_check_result x ON x.run_id = r.id
			""";

	private static final String RESULT = """
			SELECT x.*, o.sha256, o.sm3 FROM label_check_result x
			LEFT JOIN file_object o ON o.id = x.file_object_id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SpotChecks(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The runs of an inspection, newest first, with their counts by verdict. */
	public List<Run> runs(long inspectionId) {
		return this.jdbc.sql(RUN + " WHERE r.inspection_id = :i GROUP BY r.id ORDER BY r.id DESC")
			.param("i", inspectionId)
			.query(SpotChecks::mapRun)
			.list();
	}

	public Optional<Run> run(long inspectionId, long runId) {
		return this.jdbc.sql(RUN + " WHERE r.inspection_id = :i AND r.id = :r GROUP BY r.id")
			.param("i", inspectionId)
			.param("r", runId)
			.query(SpotChecks::mapRun)
			.optional();
	}

	/** Files per problem in a run (a file counts once per problem). */
	public Map<ProblemCode, Integer> problemCounts(long runId) {
		Map<ProblemCode, Integer> counts = new EnumMap<>(ProblemCode.class);
		this.jdbc.sql("""
				SELECT p.code, COUNT(DISTINCT p.result_id) FROM label_check_problem p
				JOIN label_check_result x ON x.id = p.result_id WHERE x.run_id = :r GROUP BY p.code""")
			.param("r", runId)
			.query((rs, row) -> counts.put(ProblemCode.valueOf(rs.getString(1)), rs.getInt(2)))
			.list();
		return counts;
	}

	/** Each run of an inspection with its counts by verdict and by problem. */
	public List<Summary> summaries(long inspectionId) {
		return runs(inspectionId).stream().map((run) -> new Summary(run, problemCounts(run.id()))).toList();
	}

	public Page<Result> results(long runId, Verdict verdict, int number, int size) {
		String filter = (verdict != null) ? " AND x.verdict = :verdict" : "";
		var count = this.jdbc.sql("SELECT COUNT(*) FROM label_check_result x WHERE x.run_id = :r" + filter)
			.param("r", runId);
		var list = this.jdbc
			.sql(RESULT + " WHERE x.run_id = :r" + filter + " ORDER BY x.position LIMIT :size OFFSET :offset")
			.param("r", runId)
			.param("size", size)
			.param("offset", Page.offset(number, size));
		if (verdict != null) {
			count = count.param("verdict", verdict.name());
			list = list.param("verdict", verdict.name());
		}
		return new Page<>(list.query(this::mapResult).list(), number, size, count.query(Long.class).single());
	}

	public Optional<Result> result(long runId, long resultId) {
		return this.jdbc.sql(RESULT + " WHERE x.run_id = :r AND x.id = :id")
			.param("r", runId)
			.param("id", resultId)
			.query(this::mapResult)
			.optional();
	}

	long insertRun(long inspectionId, String checkerVersion, boolean viaPlatform, String checkedBy, Instant at) {
		this.jdbc.sql("""
				INSERT INTO label_check_run (inspection_id, checker_version, via_platform, checked_by, checked_at)
				VALUES (:i, :version, :via, :by, :at)""")
			.param("i", inspectionId)
			.param("version", checkerVersion)
			.param("via", viaPlatform)
			.param("by", checkedBy)
			.param("at", Times.toDb(at))
			.update();
		return this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
	}

	void insertResult(long runId, int position, SampleReport report, StoredFile stored) {
		this.jdbc
			.sql("""
					INSERT INTO label_check_result (run_id, position, file_name, file_object_id, size_bytes, media_type,
					  format, verdict, label_location, c2pa_manifest, ai_claim, report_json)
					VALUES (:run, :position, :name, :file, :size, :type, :format, :verdict, :label, :c2pa, :claim, :json)""")
			.param("run", runId)
			.param("position", position)
			.param("name", clip(report.name(), 400))
			.param("file", (stored != null) ? stored.id() : null)
			.param("size", (stored != null) ? stored.size() : report.size())
			.param("type", clip(report.mediaType(), 100))
			.param("format", report.format().name())
			.param("verdict", report.verdict().name())
			.param("label",
					report.labels()
						.stream()
						.map(FoundLabel::location)
						.findFirst()
						.map((l) -> clip(l, 200))
						.orElse(null))
			.param("c2pa", report.contentCredentials().manifestFound())
			.param("claim", clip(report.contentCredentials().aiClaim(), 60))
			.param("json", this.json.writeValueAsString(report))
			.update();
		long resultId = this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
		for (Problem problem : report.problems()) {
			this.jdbc.sql("INSERT INTO label_check_problem (result_id, code, detail) VALUES (:r, :code, :detail)")
				.param("r", resultId)
				.param("code", problem.code().name())
				.param("detail", clip(problem.detail(), 400))
				.update();
		}
	}

	/** Links a result to the finding made from it; false when it already has one. */
	boolean linkFinding(long resultId, long findingId) {
		return this.jdbc.sql("UPDATE label_check_result SET finding_id = :f WHERE id = :id AND finding_id IS NULL")
			.param("f", findingId)
			.param("id", resultId)
			.update() == 1;
	}

	private Result mapResult(ResultSet rs, int row) throws SQLException {
		return new Result(rs.getLong("id"), rs.getLong("run_id"), rs.getInt("position"), rs.getString("file_name"),
				rs.getObject("file_object_id", Long.class), rs.getString("sha256"), rs.getString("sm3"),
				rs.getLong("size_bytes"), Verdict.valueOf(rs.getString("verdict")),
				rs.getObject("finding_id", Long.class),
				this.json.readValue(rs.getString("report_json"), SampleReport.class));
	}

	private static Run mapRun(ResultSet rs, int row) throws SQLException {
		return new Run(rs.getLong("id"), rs.getLong("inspection_id"), rs.getString("checker_version"),
				rs.getBoolean("via_platform"), rs.getString("checked_by"),
				Times.fromDb(rs.getObject("checked_at", LocalDateTime.class)), rs.getInt("files"),
				rs.getInt("compliant"), rs.getInt("non_compliant"), rs.getInt("cannot_tell"));
	}

	private static String clip(String value, int max) {
		return (value != null && value.length() > max) ? value.substring(0, max) : value;
	}

	/** A batch checked in an inspection, with its files counted by verdict. */
	public record Run(long id, long inspectionId, String checkerVersion, boolean viaPlatform, String checkedBy,
			Instant checkedAt, int files, int compliant, int nonCompliant, int cannotTell) {
	}

	/**
	 * One file's result as saved.
	 *
	 * @param fileObjectId the sample in the store, or null when it was not kept (refused
	 * before the checker)
	 * @param findingId the finding made from it, or null
	 * @param report the checker's report
	 */
	public record Result(long id, long runId, int position, String fileName, Long fileObjectId, String sha256,
			String sm3, long size, Verdict verdict, Long findingId, SampleReport report) {

		/** The catalog item a finding on this result cites by default, or null. */
		public String suggestedCatalogCode() {
			Problem defect = this.report.primaryDefect();
			return (defect != null) ? defect.code().catalogCode() : null;
		}

	}

	/** A run with its counts by problem. */
	public record Summary(Run run, Map<ProblemCode, Integer> byProblem) {
	}

}
