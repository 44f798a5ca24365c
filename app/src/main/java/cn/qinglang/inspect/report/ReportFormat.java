package cn.qinglang.inspect.report;

import java.io.OutputStream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.ooxml.JRDocxExporter;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.Exporter;
import net.sf.jasperreports.export.ExporterInput;
import net.sf.jasperreports.export.OutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * What a filled report is exported to, with the JasperReports exporter of each.
 */
public enum ReportFormat {

	PDF("application/pdf", "pdf"),

	/** Offices edit it before sending (the bulletin). */
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),

	/** Tables: one sheet, cells typed as numbers where they are numbers. */
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	private final String mediaType;

	private final String extension;

	ReportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	void export(JasperPrint print, OutputStream out) throws JRException {
		Exporter<ExporterInput, ?, ?, OutputStreamExporterOutput> exporter = switch (this) {
			case PDF -> new JRPdfExporter();
			case DOCX -> new JRDocxExporter();
			case XLSX -> xlsxExporter();
		};
		exporter.setExporterInput(new SimpleExporterInput(print));
		exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
		exporter.exportReport();
	}

	private static JRXlsxExporter xlsxExporter() {
		SimpleXlsxReportConfiguration configuration = new SimpleXlsxReportConfiguration();
		configuration.setDetectCellType(true);
		configuration.setRemoveEmptySpaceBetweenRows(true);
		configuration.setWhitePageBackground(false);
		JRXlsxExporter exporter = new JRXlsxExporter();
		exporter.setConfiguration(configuration);
		return exporter;
	}

}
