package cn.qinglang.inspect.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import cn.qinglang.inspect.enterprise.Enterprise;
import cn.qinglang.inspect.inspection.Finding;
import cn.qinglang.inspect.inspection.Inspection;
import cn.qinglang.inspect.labelcheck.SpotChecks;
import cn.qinglang.inspect.report.ReportLine;
import cn.qinglang.inspect.report.ReportDocument;
import cn.qinglang.inspect.report.RecordDataSource;

/**
 * Lays out a rectification report as the lines its template prints, in Chinese: the
 * report is an official document of the office, whatever the viewer's language.
 */
final class RectificationReportLayout {

	static final String TEMPLATE = ReportDocument.OFFICE_DOCUMENT;

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final ZoneId zone;

	RectificationReportLayout(MessageSource messages, ZoneId zone) {
		this.messages = messages;
		this.zone = zone;
	}

	ReportDocument document(RectificationReportData data, LocalDate today) {
		return document(data, lines(data), today);
	}

	/** The document of lines already laid out by {@link #lines}. */
	ReportDocument document(RectificationReportData data, List<ReportLine> lines, LocalDate today) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("officeName", (data.office() != null) ? data.office().officeNameZh() : "");
		parameters.put("orderNumber", data.order().number());
		parameters.put("enterpriseName", data.enterprise().nameZh());
		parameters.put("reportDate", DATE.format(today));
		return new ReportDocument(TEMPLATE, parameters, RecordDataSource.of(ReportLine.class, lines),
				"rectification-report-" + data.order().number(), "rectification_order",
				String.valueOf(data.order().id()));
	}

	List<ReportLine> lines(RectificationReportData data) {
		List<ReportLine> lines = new ArrayList<>();
		enterprise(lines, data.enterprise());
		inspections(lines, data.inspections());
		findings(lines, data.findings());
		order(lines, data.order(), data.extensions());
		measures(lines, data.measures());
		spotChecks(lines, data.spotChecks());
		timeline(lines, data.timeline());
		return lines;
	}

	private void enterprise(List<ReportLine> lines, Enterprise enterprise) {
		String section = text("report.section.enterprise");
		lines.add(ReportLine.keyValue(section, text("report.enterprise.name"), enterprise.nameZh()));
		lines.add(ReportLine.keyValue(section, text("report.enterprise.nameEn"), enterprise.nameEn()));
		lines.add(ReportLine.keyValue(section, text("report.enterprise.creditCode"), enterprise.creditCode()));
		lines.add(ReportLine.keyValue(section, text("report.enterprise.kind"),
				text("enterprise.kind." + enterprise.kind())));
		lines.add(ReportLine.keyValue(section, text("report.enterprise.filing"), enterprise.algorithmFilingNo()));
		lines.add(ReportLine.keyValue(section, text("report.enterprise.jurisdiction"),
				enterprise.jurisdiction().nameZh()));
	}

	private void inspections(List<ReportLine> lines, List<Inspection> inspections) {
		String section = text("report.section.inspections");
		for (Inspection inspection : inspections) {
			lines.add(ReportLine.keyValue(section, text("report.inspection.kind"),
					text("inspection.kind." + inspection.kind()) + "（" + DATE.format(inspection.date()) + "）"));
			lines.add(ReportLine.keyValue(section, text("report.inspection.inspectors"), inspection.inspectors()));
			lines.add(ReportLine.keyValue(section, text("report.inspection.scope"), inspection.scope()));
		}
	}

	private void findings(List<ReportLine> lines, List<Finding> findings) {
		String section = text("report.section.findings");
		int number = 1;
		for (Finding finding : findings) {
			lines.add(new ReportLine.Entry(section, ReportLine.EntryKind.FINDING,
					text("report.finding.number", number++), finding.catalogCode() + " " + finding.catalogTitleZh(),
					finding.description(), finding.legalBasis(), text("severity." + finding.severity()), null, null));
		}
		if (findings.isEmpty()) {
			lines.add(ReportLine.note(section, text("report.none")));
		}
	}

	private void order(List<ReportLine> lines, RectificationOrder order, List<Extension> extensions) {
		String section = text("report.section.order");
		lines.add(ReportLine.keyValue(section, text("report.order.number"), order.number()));
		lines.add(ReportLine.keyValue(section, text("report.order.issued"),
				time(order.issuedAt()) + "（" + order.issuedBy() + "）"));
		lines.add(ReportLine.keyValue(section, text("report.order.deadline"), DATE.format(order.deadline())));
		String disposition = text("disposition." + order.disposition());
		if (order.fineAmount() != null) {
			disposition += text("report.order.fine", order.fineAmount().toPlainString());
		}
		lines.add(ReportLine.keyValue(section, text("report.order.disposition"), disposition));
		lines.add(ReportLine.keyValue(section, text("report.order.status"), text("order.status." + order.status())));
		for (Extension extension : extensions) {
			lines.add(ReportLine.keyValue(section, text("report.order.extension"),
					text("report.order.extensionLine", DATE.format(extension.requestedDeadline()), extension.reason(),
							text("report.extension." + extension.decision()))));
		}
	}

	private void measures(List<ReportLine> lines, List<Measure> measures) {
		String section = text("report.section.measures");
		for (Measure measure : measures) {
			lines.add(new ReportLine.Entry(section, ReportLine.EntryKind.MEASURE,
					text("report.measure.number", measure.position()), measure.title(), null, null,
					text("measure.status." + measure.status()), null, null));
			if (measure.submissions().isEmpty()) {
				lines.add(ReportLine.note(section, text("report.measure.noEvidence")));
			}
			for (Submission submission : measure.submissions()) {
				String outcome = submission.reviewed() ? text("measure.status." + submission.reviewOutcome())
						: text("measure.status.SUBMITTED");
				String review = submission.reviewed()
						? text("report.submission.review", submission.reviewedBy(), time(submission.reviewedAt()),
								(submission.reviewComment() != null) ? submission.reviewComment() : "")
						: null;
				lines.add(new ReportLine.Entry(section, ReportLine.EntryKind.SUBMISSION,
						text("report.submission.version", submission.versionNo()),
						text("report.submission.line", submission.submittedBy(), time(submission.submittedAt()),
								(submission.effectiveDate() != null) ? DATE.format(submission.effectiveDate()) : "—"),
						submission.statement(), review, outcome, null, null));
				for (Submission.EvidenceFile file : submission.files()) {
					lines.add(new ReportLine.Entry(section, ReportLine.EntryKind.FILE, size(file.size()),
							file.fileName(), null, null, null, file.sha256(), file.sm3()));
				}
			}
		}
	}

	private void spotChecks(List<ReportLine> lines, List<SpotChecks.Summary> summaries) {
		if (summaries.isEmpty()) {
			return;
		}
		String section = text("report.section.spotChecks");
		for (SpotChecks.Summary summary : summaries) {
			SpotChecks.Run run = summary.run();
			lines.add(ReportLine.keyValue(section, time(run.checkedAt()), text("report.spotCheck.run", run.checkedBy(),
					run.checkerVersion(), run.files(), run.compliant(), run.nonCompliant(), run.cannotTell())));
			summary.byProblem()
				.forEach((problem, count) -> lines.add(ReportLine.keyValue(section, "",
						text("report.spotCheck.problem", text("labelcheck.problem." + problem), count))));
		}
	}

	private void timeline(List<ReportLine> lines, List<OrderEvent> timeline) {
		String section = text("report.section.timeline");
		for (OrderEvent event : timeline) {
			lines.add(new ReportLine.Entry(section, ReportLine.EntryKind.EVENT, time(event.occurredAt()),
					this.messages.getMessage("timeline." + event.kind(), null, event.kind(), CHINESE), event.detail(),
					null, event.actor(), null, null));
		}
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, CHINESE);
	}

	private String time(Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(this.zone)) : "—";
	}

	/**
	 * Bytes as the evidence list shows them: exact below a kilobyte, else one decimal.
	 */
	static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

}
