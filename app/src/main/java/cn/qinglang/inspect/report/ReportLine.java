package cn.qinglang.inspect.report;

import java.util.List;

import net.sf.jasperreports.renderers.Renderable;

/**
 * A line of an office document (the rectification report, the bulletin, the dashboard
 * export), printed by the {@link ReportDocument#OFFICE_DOCUMENT office document} template
 * with the band of its kind. The kinds are closed: a key and its value, a note, an entry
 * of a list (finding, measure, submission, file, timeline event), a table row, a chart.
 * The template reads every line through the same fields; a kind answers those it prints
 * and leaves the others empty.
 */
public sealed interface ReportLine
		permits ReportLine.KeyValue, ReportLine.Note, ReportLine.Entry, ReportLine.Row, ReportLine.Chart {

	/** The heading the line is grouped under. */
	String section();

	/**
	 * The band that prints it: {@code KV}, {@code NOTE}, an entry's, a row's or
	 * {@code CHART}.
	 */
	String kind();

	default String label() {
		return null;
	}

	default String title() {
		return null;
	}

	default String text() {
		return null;
	}

	default String note() {
		return null;
	}

	default String status() {
		return null;
	}

	default String sha256() {
		return null;
	}

	default String sm3() {
		return null;
	}

	/** The columns of a table row, as printed. */
	default List<String> cells() {
		return List.of();
	}

	/**
	 * The column headings of a table row's table, printed above its first row and again
	 * on every page the table continues on.
	 */
	default List<String> headings() {
		return List.of();
	}

	/** What a chart line draws. */
	default Renderable chart() {
		return null;
	}

	static ReportLine keyValue(String section, String label, String text) {
		return new KeyValue(section, label, text);
	}

	static ReportLine note(String section, String text) {
		return new Note(section, text);
	}

	/**
	 * A row of a table with its table's headings (pass the same list to every row of one
	 * table); a null cell prints empty.
	 */
	static ReportLine row(String section, Table table, List<String> headings, List<String> cells) {
		return new Row(section, table, headings, cells.stream().map((cell) -> (cell != null) ? cell : "").toList());
	}

	static ReportLine chart(String section, String title, Renderable chart) {
		return new Chart(section, title, chart);
	}

	/** A label and its value. */
	record KeyValue(String section, String label, String text) implements ReportLine {

		@Override
		public String kind() {
			return "KV";
		}

	}

	/** A line of text across the page. */
	record Note(String section, String text) implements ReportLine {

		@Override
		public String kind() {
			return "NOTE";
		}

	}

	/** The kinds of list entries, each with its band. */
	enum EntryKind {

		FINDING, MEASURE, SUBMISSION, FILE, EVENT

	}

	/**
	 * An entry of a list: a numbered label, a title, a text, a note under it, a status,
	 * and for a file its hashes.
	 */
	record Entry(String section, EntryKind entryKind, String label, String title, String text, String note,
			String status, String sha256, String sm3) implements ReportLine {

		@Override
		public String kind() {
			return this.entryKind.name();
		}

	}

	/** The tables a row can belong to. */
	enum Table {

		/** A wide first column and up to five narrow ones. */
		GRID,
		/** The league table's nine columns. */
		LEAGUE

	}

	/** A row of a table. */
	record Row(String section, Table table, List<String> headings, List<String> cells) implements ReportLine {

		@Override
		public String kind() {
			return this.table.name();
		}

	}

	/** A chart, titled. */
	record Chart(String section, String title, Renderable chart) implements ReportLine {

		@Override
		public String kind() {
			return "CHART";
		}

	}

}
