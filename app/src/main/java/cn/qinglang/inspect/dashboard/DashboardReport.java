package cn.qinglang.inspect.dashboard;

import java.time.LocalDate;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.qinglang.inspect.jurisdiction.Jurisdiction;
import cn.qinglang.inspect.jurisdiction.Jurisdictions;
import cn.qinglang.inspect.report.RecordDataSource;
import cn.qinglang.inspect.report.ReportDocument;
import cn.qinglang.inspect.report.ReportLine;
import cn.qinglang.inspect.security.PortalUser;

/**
 * The current dashboard view as a PDF through the office document template: a cover
 * naming the scope and the period, then the KPIs, charts, breakdowns, league table and
 * weekly figures (always in Chinese, as the office's documents are).
 */
@Component
class DashboardReport {

	private static final String TEMPLATE = ReportDocument.OFFICE_DOCUMENT;

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final DashboardDocuments documents;

	private final DashboardProperties properties;

	private final Jurisdictions jurisdictions;

	private final MessageSource messages;

	private final Clock clock;

	DashboardReport(DashboardDocuments documents, DashboardProperties properties, Jurisdictions jurisdictions,
			MessageSource messages, Clock clock) {
		this.clock = clock;
		this.documents = documents;
		this.properties = properties;
		this.jurisdictions = jurisdictions;
		this.messages = messages;
	}

	/** The lines a campaign view prints: one per KPI, table row, chart and league row. */
	List<ReportLine> lines(CampaignView view) {
		return this.documents.lines(DashboardSnapshot.of(view, this.properties), headings());
	}

	List<ReportLine> lines(EnterpriseView view) {
		return this.documents.lines(DashboardSnapshot.of(view, this.properties), headings());
	}

	/**
	 * The campaign view's document of its lines, laid out by
	 * {@link #lines(CampaignView)}.
	 */
	ReportDocument campaign(PortalUser user, CampaignView view, List<ReportLine> lines) {
		return document(office(user, ""), view.filter(), scope(view.filter(), user), lines, "campaign");
	}

	ReportDocument enterprise(PortalUser user, EnterpriseView view, List<ReportLine> lines) {
		return document(office(user, view.enterprise().nameZh()), view.filter(), view.enterprise().nameZh(), lines,
				String.valueOf(view.enterprise().id()));
	}

	private ReportDocument document(String office, DashboardFilter filter, String scope, List<ReportLine> lines,
			String target) {
		String period = filter.period().from() + " 至 " + filter.period().to();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("officeName", office);
		parameters.put("orderNumber", period);
		parameters.put("enterpriseName", scope);
		// the day of the export; the period is on the cover's second line
		parameters.put("reportDate", DATE.format(LocalDate.now(this.clock)));
		parameters.put("documentTitle", label("report.dashboard.title"));
		parameters.put("subjectLabel", label("report.dashboard.subject"));
		parameters.put("numberLabel", label("report.dashboard.number"));
		parameters.put("secondSigner", label("report.dashboard.approver"));
		return new ReportDocument(TEMPLATE, parameters, RecordDataSource.of(ReportLine.class, lines),
				"qinglang-dashboard-" + filter.period().from() + "-" + filter.period().to(), "dashboard", target);
	}

	/** What "my exports" lists the document as: its title and period. */
	String title(DashboardFilter filter) {
		return label("report.dashboard.title") + " " + filter.period().from() + " – " + filter.period().to();
	}

	private DashboardDocuments.Headings headings() {
		return new DashboardDocuments.Headings(label("report.dashboard.kpis"), label("report.dashboard.charts"),
				label("report.dashboard.breakdowns"), label("report.dashboard.league"),
				label("report.dashboard.weeks"));
	}

	/** The jurisdiction and the filters that narrow it, as the cover names them. */
	private String scope(DashboardFilter filter, PortalUser user) {
		List<String> parts = new ArrayList<>();
		// no jurisdiction chosen: the whole of the user's own
		String jurisdiction = (filter.jurisdiction() != null) ? filter.jurisdiction() : user.jurisdictionCode();
		parts.add((jurisdiction != null)
				? this.jurisdictions.find(jurisdiction).map(Jurisdiction::nameZh).orElse(jurisdiction)
				: label("report.dashboard.wholeScope"));
		if (filter.kind() != null) {
			parts.add(label("enterprise.kind." + filter.kind()));
		}
		if (filter.contentType() != null) {
			parts.add(label("dashboard.contentType." + filter.contentType()));
		}
		return String.join("，", parts);
	}

	/**
	 * The regulator's office, or the fallback for a user of no office (a platform's
	 * team).
	 */
	private String office(PortalUser user, String fallback) {
		return (user.jurisdictionCode() != null)
				? this.jurisdictions.find(user.jurisdictionCode()).map(Jurisdiction::officeNameZh).orElse(fallback)
				: fallback;
	}

	private String label(String code) {
		return this.messages.getMessage(code, null, CHINESE);
	}

}
