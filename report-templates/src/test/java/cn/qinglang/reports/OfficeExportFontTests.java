package cn.qinglang.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.ooxml.JRDocxExporter;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.Exporter;
import net.sf.jasperreports.export.ExporterInput;
import net.sf.jasperreports.export.OutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XLSX and DOCX do not embed fonts: the family's export mapping names the font that
 * Chinese office software has, instead of the embedded one nobody has installed.
 */
class OfficeExportFontTests {

	private final ReportTemplates templates = new ReportTemplates();

	@Test
	void xlsxExportNamesMicrosoftYaHeiInsteadOfTheEmbeddedFont() throws Exception {
		Map<String, String> parts = unzip(export(new JRXlsxExporter()));

		assertThat(parts.get("xl/styles.xml")).contains("Microsoft YaHei").doesNotContain("WenQuanYi");
	}

	@Test
	void docxExportNamesMicrosoftYaHeiInsteadOfTheEmbeddedFont() throws Exception {
		Map<String, String> parts = unzip(export(new JRDocxExporter()));

		assertThat(parts.get("word/document.xml")).contains("Microsoft YaHei")
			.doesNotContain("WenQuanYi")
			.contains("清朗·整治AI应用乱象 Qinglang 2026");
	}

	private byte[] export(Exporter<ExporterInput, ?, ?, OutputStreamExporterOutput> exporter) throws JRException {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("title", "北京市互联网信息办公室 整改报告");
		JasperPrint print = JasperFillManager.fillReport(this.templates.get("font-check"), parameters,
				new JREmptyDataSource());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		exporter.setExporterInput(new SimpleExporterInput(print));
		exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
		exporter.exportReport();
		return out.toByteArray();
	}

	private static Map<String, String> unzip(byte[] zip) throws IOException {
		Map<String, String> parts = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().endsWith(".xml")) {
					parts.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
		}
		return parts;
	}

}
