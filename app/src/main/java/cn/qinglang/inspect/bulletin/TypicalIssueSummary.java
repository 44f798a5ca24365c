package cn.qinglang.inspect.bulletin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.qinglang.inspect.dashboard.DashboardSnapshot;

/**
 * What an office writes its bulletin from: a period's findings by typical issue, the
 * campaign's key categories as complaints and enforcement saw them, the dispositions, and
 * examples. A plain value, so that a published bulletin keeps it as JSON, frozen.
 *
 * @param jurisdictionName the jurisdiction summarised, null for the whole scope
 * @param inspectedEnterprises enterprises inspected in the period
 * @param statistics the period's dashboard numbers: KPIs, weekly rates, breakdowns and
 * the league table (null in a bulletin published before they were kept)
 */
record TypicalIssueSummary(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
		String jurisdictionName, boolean anonymised, long inspectedEnterprises, List<IssueRow> issues,
		List<CategoryRow> categories, List<DispositionRow> dispositions, List<Example> examples,
		DashboardSnapshot statistics) {

	/**
	 * A typical issue (catalog item) found in the period.
	 *
	 * @param share enterprises affected over enterprises inspected, null when none was
	 * inspected
	 * @param previousFindings findings of the item in the previous period of equal length
	 */
	public record IssueRow(String code, String titleZh, String titleEn, String legalBasis, long findings,
			long enterprises, Double share, long previousFindings) {

		/** Change against the previous period in percent, null from zero. */
		public Double change() {
			return (this.previousFindings == 0) ? null
					: (this.findings - this.previousFindings) * 100.0 / this.previousFindings;
		}

	}

	/** One of the campaign's four key categories: complaints received, action counts. */
	public record CategoryRow(String category, long complaints, long actions) {
	}

	/**
	 * Rectification orders issued in the period with one disposition, and their fines.
	 */
	public record DispositionRow(String disposition, long orders, BigDecimal fines) {
	}

	/**
	 * A finding shown as an example.
	 *
	 * @param enterprise the enterprise's name, or a letter when anonymised
	 */
	public record Example(String enterprise, String code, String titleZh, String titleEn, String description,
			String severity, LocalDate date) {
	}

}
