package cn.qinglang.inspect.report;

import java.util.List;

import net.sf.jasperreports.renderers.Renderable;

/**
 * A line of an office document (the rectification report, the bulletin, the dashboard
 * export); the template prints each kind with its own band.
 *
 * @param section the heading it is grouped under
 * @param kind {@code KV}, {@code FINDING}, {@code MEASURE}, {@code SUBMISSION},
 * {@code FILE}, {@code EVENT}, {@code NOTE}; the table rows {@code GRID} (a wide first
 * column and up to five narrow ones) and {@code LEAGUE} (the league table's nine
 * columns); {@code CHART}
 * @param cells the columns of a table row, as printed
 * @param headings the column headings of a table row's table, printed above its first row
 * and again on every page the table continues on; empty for other lines
 * @param chart what a {@code CHART} line draws, titled by {@code title}
 */
public record ReportLine(String section, String kind, String label, String title, String text, String note,
		String status, String sha256, String sm3, List<String> cells, List<String> headings, Renderable chart) {

	/** A line of text columns. */
	public ReportLine(String section, String kind, String label, String title, String text, String note, String status,
			String sha256, String sm3) {
		this(section, kind, label, title, text, note, status, sha256, sm3, List.of(), List.of(), null);
	}

	public static ReportLine keyValue(String section, String label, String text) {
		return new ReportLine(section, "KV", label, null, text, null, null, null, null);
	}

	public static ReportLine note(String section, String text) {
		return new ReportLine(section, "NOTE", null, null, text, null, null, null, null);
	}

	/**
	 * A row of a {@code GRID} or {@code LEAGUE} table with its table's headings (pass the
	 * same list to every row of one table); a null cell prints empty.
	 */
	public static ReportLine row(String section, String kind, List<String> headings, List<String> cells) {
		return new ReportLine(section, kind, null, null, null, null, null, null, null,
				cells.stream().map((cell) -> (cell != null) ? cell : "").toList(), headings, null);
	}

	public static ReportLine chart(String section, String title, Renderable chart) {
		return new ReportLine(section, "CHART", null, title, null, null, null, null, null, List.of(), List.of(), chart);
	}

}
