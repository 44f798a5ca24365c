package cn.qinglang.inspect.report;

import java.util.Map;

import net.sf.jasperreports.engine.JRDataSource;

/**
 * A report ready to be filled: the compiled template's name, its parameters, its rows
 * (read once, as the fill goes: pass a {@link RecordDataSource} over a stream for a large
 * report) and what the audit log and the download call it.
 *
 * @param template the template's name, {@code reports/NAME.jasper} on the classpath
 * @param fileName the download's name without extension
 * @param targetType what the audit log names as exported, e.g.
 * {@code rectification_order}
 * @param targetId its id
 */
public record ReportDocument(String template, Map<String, Object> parameters, JRDataSource rows, String fileName,
		String targetType, String targetId) {

	/**
	 * The template that prints a list of {@link ReportLine}s: the rectification report,
	 * the bulletin and the dashboard export.
	 */
	public static final String OFFICE_DOCUMENT = "office-document";

	/** The same document over other rows, e.g. the same rows counted as they are read. */
	public ReportDocument withRows(JRDataSource rows) {
		return new ReportDocument(this.template, this.parameters, rows, this.fileName, this.targetType, this.targetId);
	}

}
