package cn.qinglang.inspect.bulletin;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import cn.qinglang.batch.records.PlatformInterface.CampaignCategory;
import cn.qinglang.batch.records.PlatformInterface.ComplaintCategory;
import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.dashboard.CategoryRow;
import cn.qinglang.inspect.dashboard.DashboardFilter;
import cn.qinglang.inspect.dashboard.DashboardService;
import cn.qinglang.inspect.dashboard.DashboardSnapshot;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.jurisdiction.DocumentNumbers.DocumentNumber;
import cn.qinglang.inspect.jurisdiction.DocumentNumbers;
import cn.qinglang.inspect.jurisdiction.Jurisdiction;
import cn.qinglang.inspect.jurisdiction.Jurisdictions;
import cn.qinglang.inspect.rectification.Disposition;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.RetryOnConflict;
import cn.qinglang.inspect.system.RuleViolation;
import cn.qinglang.inspect.system.Times;

/**
 * Computes typical-issue summaries and publishes them as bulletins: numbered by the
 * publishing office (京网信通报〔2026〕N号), dated, and frozen as JSON in the database.
 */
@RetryOnConflict
@Service
class BulletinService {

	private static final String SELECT = """
			SELECT b.*, bj.office_name_zh, bj.office_name_en FROM bulletin b
			JOIN jurisdiction bj ON bj.code = b.jurisdiction_code""";

	/** Examples listed in a summary. */
	static final int EXAMPLES = 10;

	private final Summaries summaries;

	private final DashboardService dashboards;

	private final Jurisdictions jurisdictions;

	private final DocumentNumbers numbers;

	private final AuditLog audit;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	BulletinService(Summaries summaries, DashboardService dashboards, Jurisdictions jurisdictions,
			DocumentNumbers numbers, AuditLog audit, JsonMapper json, JdbcClient jdbc, MessageSource messages,
			Clock clock) {
		this.clock = clock;
		this.messages = messages;
		this.summaries = summaries;
		this.dashboards = dashboards;
		this.jurisdictions = jurisdictions;
		this.numbers = numbers;
		this.audit = audit;
		this.json = json;
		this.jdbc = jdbc;
	}

	/** The summary of the filter's period and jurisdiction, within the user's scope. */
	public TypicalIssueSummary summary(PortalUser user, DashboardFilter filter, boolean anonymised, LocalDate today) {
		EnterpriseScope scope = EnterpriseScope.of(user);
		long inspected = this.summaries.inspected(scope, filter);
		Map<String, Long> actions = this.dashboards.actionItemsByCategory(scope, filter);
		List<TypicalIssueSummary.CategoryRow> categories = CategoryRow
			.byCampaign(this.dashboards.complaintCategories(scope, filter))
			.stream()
			.map((row) -> new TypicalIssueSummary.CategoryRow(row.category().name(), row.received(),
					actionsOf(row.category(), actions)))
			.toList();
		Map<String, TypicalIssueSummary.DispositionRow> orders = this.summaries.dispositions(scope, filter);
		List<TypicalIssueSummary.DispositionRow> dispositions = Arrays.stream(Disposition.values())
			.map((disposition) -> orders.getOrDefault(disposition.name(),
					new TypicalIssueSummary.DispositionRow(disposition.name(), 0, BigDecimal.ZERO)))
			.toList();
		String jurisdictionName = (filter.jurisdiction() != null)
				? this.jurisdictions.find(filter.jurisdiction()).map(Jurisdiction::nameZh).orElse(null) : null;
		return new TypicalIssueSummary(filter.period().from(), filter.period().to(), filter.period().previous().from(),
				filter.period().previous().to(), jurisdictionName, anonymised, inspected,
				this.summaries.issues(scope, filter, inspected), categories, dispositions,
				this.summaries.examples(scope, filter, anonymised, EXAMPLES),
				statistics(scope, filter, anonymised, today));
	}

	/**
	 * The period's dashboard numbers; an anonymised summary names no enterprise in its
	 * league table either.
	 */
	private DashboardSnapshot statistics(EnterpriseScope scope, DashboardFilter filter, boolean anonymised,
			LocalDate today) {
		DashboardSnapshot numbers = DashboardSnapshot.of(this.dashboards.campaign(scope, filter, today),
				this.dashboards.properties());
		return anonymised ? numbers.withoutEnterpriseNames(
				this.messages.getMessage("summary.nameWithheld", null, Locale.SIMPLIFIED_CHINESE),
				this.messages.getMessage("summary.nameWithheld", null, Locale.ENGLISH)) : numbers;
	}

	/**
	 * Freezes the summary as a bulletin of the inspector's office.
	 * @return the bulletin's id
	 */
	@Transactional
	public long publish(PortalUser inspector, DashboardFilter filter, boolean anonymised, String title,
			LocalDate today) {
		if (!StringUtils.hasText(title) || title.strip().length() > 200) {
			throw new RuleViolation("bulletin.title.required");
		}
		TypicalIssueSummary summary = summary(inspector, filter, anonymised, today);
		Jurisdiction office = this.jurisdictions.find(inspector.jurisdictionCode()).orElseThrow();
		DocumentNumber number = this.numbers.next(office, "BULLETIN", "通报", today.getYear());
		this.jdbc
			.sql("""
					INSERT INTO bulletin (number, jurisdiction_code, doc_year, sequence_no, title, period_from, period_to,
					  scope_jurisdiction_code, anonymised, content, published_by, published_at)
					VALUES (:number, :office, :year, :sequence, :title, :from, :to, :scope, :anonymised, :content, :by, :at)""")
			.param("number", number.text())
			.param("office", office.code())
			.param("year", number.year())
			.param("sequence", number.sequence())
			.param("title", title.strip())
			.param("from", summary.from())
			.param("to", summary.to())
			.param("scope", filter.jurisdiction())
			.param("anonymised", anonymised)
			.param("content", this.json.writeValueAsString(summary))
			.param("by", inspector.getUsername())
			.param("at", Times.toDb(Instant.now(this.clock)))
			.update();
		long id = this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
		this.audit.record(AuditEvent.change("BULLETIN_PUBLISHED", "bulletin", id, null, Map.of("number", number.text(),
				"title", title.strip(), "filter", filter.query(), "anonymised", anonymised)));
		return id;
	}

	/** Bulletins of the user's office and the offices below it, newest first. */
	public List<Bulletin> list(PortalUser user) {
		return this.jdbc.sql(SELECT + " WHERE bj.path LIKE CONCAT(:path, '%') ORDER BY b.published_at DESC, b.id DESC")
			.param("path", user.jurisdictionPath())
			.query((rs, row) -> map(rs))
			.list();
	}

	public Optional<Bulletin> find(PortalUser user, long id) {
		return this.jdbc.sql(SELECT + " WHERE b.id = :id AND bj.path LIKE CONCAT(:path, '%')")
			.param("id", id)
			.param("path", user.jurisdictionPath())
			.query((rs, row) -> map(rs))
			.optional();
	}

	private Bulletin map(ResultSet rs) throws SQLException {
		return new Bulletin(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
				rs.getString("jurisdiction_code"), rs.getString("office_name_zh"), rs.getString("office_name_en"),
				rs.getString("published_by"), Times.fromDb(rs.getObject("published_at", LocalDateTime.class)),
				this.json.readValue(rs.getString("content"), TypicalIssueSummary.class));
	}

	private static long actionsOf(CampaignCategory campaign, Map<String, Long> byCategory) {
		return byCategory.entrySet()
			.stream()
			.filter((entry) -> ComplaintCategory.valueOf(entry.getKey()).campaignCategory() == campaign)
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

}
