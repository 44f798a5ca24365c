package cn.qinglang.inspect.bulletin;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.qinglang.inspect.dashboard.DashboardDocuments;
import cn.qinglang.inspect.dashboard.DashboardSnapshot;
import cn.qinglang.inspect.report.RecordDataSource;
import cn.qinglang.inspect.report.ReportDocument;
import cn.qinglang.inspect.report.ReportLine;
import cn.qinglang.inspect.system.PortalProperties;

/**
 * A published bulletin as the lines of the office's document template, in Chinese: the
 * summary frozen at publication, never recomputed.
 */
@Component
class BulletinReport {

	/** The rectification report's template, which prints any office document's lines. */
	private static final String TEMPLATE = ReportDocument.OFFICE_DOCUMENT;

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final MessageSource messages;

	private final DashboardDocuments statistics;

	private final ZoneId zone;

	BulletinReport(MessageSource messages, DashboardDocuments statistics, PortalProperties portal) {
		this.messages = messages;
		this.statistics = statistics;
		this.zone = portal.displayZone();
	}

	ReportDocument document(Bulletin bulletin) {
		return document(bulletin, lines(bulletin));
	}

	/** The document of lines already laid out by {@link #lines}. */
	ReportDocument document(Bulletin bulletin, List<ReportLine> lines) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("officeName", bulletin.officeZh());
		parameters.put("orderNumber", bulletin.number());
		parameters.put("enterpriseName", bulletin.title());
		parameters.put("reportDate", DATE.format(bulletin.publishedAt().atZone(this.zone)));
		parameters.put("documentTitle", label("bulletin.report.title"));
		parameters.put("subjectLabel", label("bulletin.report.subject"));
		parameters.put("numberLabel", label("bulletin.report.number"));
		parameters.put("secondSigner", label("bulletin.report.approver"));
		return new ReportDocument(TEMPLATE, parameters, RecordDataSource.of(ReportLine.class, lines),
				"bulletin-" + bulletin.number(), "bulletin", String.valueOf(bulletin.id()));
	}

	List<ReportLine> lines(Bulletin bulletin) {
		TypicalIssueSummary summary = bulletin.summary();
		List<ReportLine> lines = new ArrayList<>();
		String overview = label("bulletin.report.overview");
		lines.add(ReportLine.keyValue(overview, label("dashboard.period"), summary.from() + " 至 " + summary.to()));
		lines.add(ReportLine.keyValue(overview, label("bulletin.report.scope"),
				(summary.jurisdictionName() != null) ? summary.jurisdictionName() : label("summary.wholeScope")));
		lines.add(ReportLine.keyValue(overview, label("bulletin.report.inspected"),
				summary.inspectedEnterprises() + " 家"));
		DashboardSnapshot numbers = summary.statistics();
		if (numbers != null) {
			lines.addAll(this.statistics.lines(numbers, new DashboardDocuments.Headings(label("bulletin.report.kpis"),
					label("bulletin.report.charts"), null, null, null)));
		}
		String issues = label("bulletin.report.issues");
		for (TypicalIssueSummary.IssueRow issue : summary.issues()) {
			String share = (issue.share() != null) ? String.format(CHINESE, "，占受检企业 %.1f%%", issue.share() * 100) : "";
			String change = (issue.change() != null) ? String.format(CHINESE, "，较上期 %+.1f%%", issue.change()) : "";
			lines.add(new ReportLine.Entry(issues, ReportLine.EntryKind.FINDING, issue.code(), issue.titleZh(),
					"发现 " + issue.findings() + " 处，涉及 " + issue.enterprises() + " 家企业" + share, issue.legalBasis(),
					"上期 " + issue.previousFindings() + " 处" + change, null, null));
		}
		if (summary.issues().isEmpty()) {
			lines.add(ReportLine.note(issues, label("bulletin.report.none")));
		}
		String categories = label("bulletin.report.categories");
		// the categories' names are too long for a label column: one line each
		for (TypicalIssueSummary.CategoryRow row : summary.categories()) {
			lines.add(ReportLine.note(categories, label("feed.campaign." + row.category()) + "：投诉举报 " + row.complaints()
					+ " 件，处置 " + row.actions() + " 项"));
		}
		String dispositions = label("bulletin.report.dispositions");
		for (TypicalIssueSummary.DispositionRow row : summary.dispositions()) {
			String fines = (row.fines().compareTo(BigDecimal.ZERO) > 0) ? "，罚款 " + row.fines().toPlainString() + " 元"
					: "";
			lines.add(ReportLine.keyValue(dispositions, label("disposition." + row.disposition()),
					row.orders() + " 份" + fines));
		}
		if (numbers != null) {
			lines.addAll(this.statistics.lines(numbers,
					new DashboardDocuments.Headings(null, null, null, label("bulletin.report.league"), null)));
		}
		String examples = label("bulletin.report.examples");
		int number = 0;
		for (TypicalIssueSummary.Example example : summary.examples()) {
			String enterprise = summary.anonymised() ? this.messages.getMessage("summary.anonymousEnterprise",
					new Object[] { example.enterprise() }, CHINESE) : example.enterprise();
			lines.add(new ReportLine.Entry(examples, ReportLine.EntryKind.FINDING, "案例" + (++number), enterprise,
					example.date() + "　" + example.code() + " " + example.titleZh() + "：" + example.description(), null,
					label("severity." + example.severity()), null, null));
		}
		return lines;
	}

	private String label(String code) {
		return this.messages.getMessage(code, null, CHINESE);
	}

}
