package cn.qinglang.inspect.bulletin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.qinglang.inspect.dashboard.DashboardFilter;
import cn.qinglang.inspect.dashboard.Period;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.inspection.FindingStatistics;
import cn.qinglang.inspect.inspection.FindingStatistics.FindingExample;
import cn.qinglang.inspect.rectification.OrderStatistics;

/**
 * The findings and orders behind a typical-issue summary, within the user's scope and the
 * summary's jurisdiction, asked of the modules that own them (inspection, rectification).
 */
@Component
class Summaries {

	private final FindingStatistics findings;

	private final OrderStatistics orders;

	Summaries(FindingStatistics findings, OrderStatistics orders) {
		this.findings = findings;
		this.orders = orders;
	}

	/** Findings by catalog item in the period, with the previous period's count. */
	List<TypicalIssueSummary.IssueRow> issues(EnterpriseScope scope, DashboardFilter filter, long inspected) {
		Period period = filter.period();
		return this.findings.issues(scope, filter.enterprises(), period.from(), period.to(), period.previous().from())
			.stream()
			.map((issue) -> new TypicalIssueSummary.IssueRow(issue.code(), issue.titleZh(), issue.titleEn(),
					issue.legalBasis(), issue.findings(), issue.enterprises(),
					(inspected == 0) ? null : (double) issue.enterprises() / inspected, issue.previousFindings()))
			.toList();
	}

	/** Enterprises inspected in the period. */
	long inspected(EnterpriseScope scope, DashboardFilter filter) {
		return this.findings.inspected(scope, filter.enterprises(), filter.period().from(), filter.period().to());
	}

	/** Orders issued in the period by disposition, with their fines. */
	Map<String, TypicalIssueSummary.DispositionRow> dispositions(EnterpriseScope scope, DashboardFilter filter) {
		Map<String, TypicalIssueSummary.DispositionRow> rows = new LinkedHashMap<>();
		this.orders.dispositions(scope, filter.enterprises(), filter.period().from(), filter.period().to())
			.forEach((disposition, count) -> rows.put(disposition,
					new TypicalIssueSummary.DispositionRow(disposition, count.orders(), count.fines())));
		return rows;
	}

	/**
	 * The period's findings as examples, most serious and latest first; with
	 * {@code anonymised} each enterprise is named by a letter in order of appearance.
	 */
	List<TypicalIssueSummary.Example> examples(EnterpriseScope scope, DashboardFilter filter, boolean anonymised,
			int limit) {
		Map<Long, String> letters = new LinkedHashMap<>();
		List<TypicalIssueSummary.Example> examples = new ArrayList<>();
		for (FindingExample example : this.findings.examples(scope, filter.enterprises(), filter.period().from(),
				filter.period().to(), limit)) {
			String enterprise = anonymised ? letters.computeIfAbsent(example.enterpriseId(),
					(id) -> String.valueOf((char) ('A' + letters.size() % 26))) : example.enterpriseName();
			examples.add(new TypicalIssueSummary.Example(enterprise, example.code(), example.titleZh(),
					example.titleEn(), example.description(), example.severity(), example.date()));
		}
		return examples;
	}

}
