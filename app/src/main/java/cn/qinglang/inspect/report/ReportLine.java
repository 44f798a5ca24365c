package cn.qinglang.inspect.report;

import java.util.List;

import net.sf.jasperreports.renderers.Renderable;

/**
 * A line of an office document (the rectification report, the bulletin, the dashboard
 * export); the template prints each kind with its own band.
 *
 * @param section the heading it is grouped under
 * @param kind {@code KV}, {@code FINDING}, {@code MEASURE}, {@code SUBMISSION},
 * {@code FILE}, {@code EVENT}, {@code NOTE}; the tables' {@code GRID_HEAD} and
 * {@code GRID} (a wide first column and up to five narrow ones), {@code LEAGUE_HEAD} and
 * {@code LEAGUE} (the league table's nine columns); {@code CHART}
 * @param cells the columns of a table row, as printed
 * @param chart what a {@code CHART} line draws, titled by {@code title}
 */
public record ReportLine(String section, String kind, String label, String title, String text, String note,
		String status, String sha256, String sm3, List<String> cells, Renderable chart) {

	/** A line of text columns. */
	public ReportLine(String section, String kind, String label, String title, String text, String note, String status,
			String sha256, String sm3) {
		this(section, kind, label, title, text, note, status, sha256, sm3, List.of(), null);
	}

	public static ReportLine keyValue(String section, String label, String text) {
		return new ReportLine(section, "KV", label, null, text, null, null, null, null);
	}

	public static ReportLine note(String section, String text) {
		return new ReportLine(section, "NOTE", null, null, text, null, null, null, null);
	}

	/**
	 * A table row: {@code GRID} or {@code LEAGUE}, or their {@code _HEAD} for the header;
	 * a null cell prints empty.
	 */
	public static ReportLine row(String section, String kind, List<String> cells) {
		return new ReportLine(section, kind, null, null, null, null, null, null, null,
				cells.stream().map((cell) -> (cell != null) ? cell : "").toList(), null);
	}

	public static ReportLine chart(String section, String title, Renderable chart) {
		return new ReportLine(section, "CHART", null, title, null, null, null, null, null, List.of(), chart);
	}

}
