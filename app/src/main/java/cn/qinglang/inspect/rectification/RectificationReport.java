package cn.qinglang.inspect.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.qinglang.inspect.enterprise.Enterprise;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.enterprise.Enterprises;
import cn.qinglang.inspect.inspection.Finding;
import cn.qinglang.inspect.inspection.Inspection;
import cn.qinglang.inspect.inspection.Inspections;
import cn.qinglang.inspect.jurisdiction.Jurisdictions;
import cn.qinglang.inspect.labelcheck.SpotChecks;
import cn.qinglang.inspect.report.ReportLine;
import cn.qinglang.inspect.report.ReportDocument;

/**
 * The enterprise rectification report of an order, if the viewer's scope reaches the
 * order: its enterprise, the inspections its findings come from with their label spot
 * checks, the order, each measure's evidence and review, and the timeline.
 */
@Component
class RectificationReport {

	private final Orders orders;

	private final Inspections inspections;

	private final Enterprises enterprises;

	private final Jurisdictions jurisdictions;

	private final SpotChecks spotChecks;

	private final Clock clock;

	private final RectificationReportLayout layout;

	RectificationReport(Orders orders, Inspections inspections, Enterprises enterprises, Jurisdictions jurisdictions,
			SpotChecks spotChecks, MessageSource messages, Clock clock) {
		this.orders = orders;
		this.inspections = inspections;
		this.enterprises = enterprises;
		this.jurisdictions = jurisdictions;
		this.spotChecks = spotChecks;
		this.clock = clock;
		this.layout = new RectificationReportLayout(messages, clock.getZone());
	}

	/** What the report of an order shows, if the viewer's scope reaches the order. */
	Optional<RectificationReportData> read(EnterpriseScope scope, long orderId) {
		return this.orders.find(scope, orderId).flatMap((order) -> read(scope, order));
	}

	/** The report's lines, laid out once: counted to choose how it is delivered. */
	List<ReportLine> lines(RectificationReportData data) {
		return this.layout.lines(data);
	}

	ReportDocument document(RectificationReportData data, List<ReportLine> lines) {
		return this.layout.document(data, lines, LocalDate.now(this.clock));
	}

	private Optional<RectificationReportData> read(EnterpriseScope scope, RectificationOrder order) {
		Optional<Enterprise> enterprise = this.enterprises.find(scope, order.enterpriseId());
		if (enterprise.isEmpty()) {
			return Optional.empty();
		}
		List<Finding> findings = this.inspections.findingsById(this.orders.findingIds(order.id()));
		Set<Long> inspectionIds = new LinkedHashSet<>();
		inspectionIds.add(order.inspectionId());
		findings.forEach((finding) -> inspectionIds.add(finding.inspectionId()));
		List<Inspection> inspected = new ArrayList<>();
		List<SpotChecks.Summary> summaries = new ArrayList<>();
		for (long id : inspectionIds) {
			this.inspections.find(scope, id).ifPresent((inspection) -> {
				inspected.add(inspection);
				summaries.addAll(this.spotChecks.summaries(id));
			});
		}
		return Optional.of(new RectificationReportData(this.jurisdictions.find(order.jurisdictionCode()).orElse(null),
				order, enterprise.get(), inspected, findings, this.orders.measures(order.id()),
				this.orders.extensions(order.id()), this.orders.timeline(order.id()), summaries));
	}

}
