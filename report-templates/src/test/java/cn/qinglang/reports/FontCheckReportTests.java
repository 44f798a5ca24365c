package cn.qinglang.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The template compiled by the build fills and exports a PDF whose Chinese text is
 * extractable and whose fonts are all embedded, with no system font needed.
 */
class FontCheckReportTests {

	private final ReportTemplates templates = new ReportTemplates();

	@Test
	void pdfEmbedsCjkFontAndKeepsChineseTextExtractable() throws Exception {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("title", "北京市互联网信息办公室 整改报告");
		JasperPrint print = JasperFillManager.fillReport(this.templates.get("font-check"), parameters,
				new JREmptyDataSource());

		byte[] pdf = JasperExportManager.exportReportToPdf(print);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("北京市互联网信息办公室 整改报告").contains("清朗·整治AI应用乱象 Qinglang 2026");
			List<PDFont> fonts = fontsOf(document.getPage(0));
			assertThat(fonts).isNotEmpty()
				.allSatisfy((font) -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
		}
	}

	@Test
	void missingTemplateIsNamedInTheError() {
		assertThatThrownBy(() -> this.templates.get("no-such-report"))
			.isInstanceOf(ReportTemplates.MissingReportTemplateException.class)
			.hasMessageContaining("no-such-report")
			.hasMessageContaining("/reports/no-such-report.jasper");
	}

	@Test
	void brokenTemplateFailsTheCompilationWithItsName(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("broken.jrxml"),
				"<jasperReport name=\"broken\"><title height=\"x\"/></jasperReport>");

		assertThatThrownBy(() -> ReportCompiler.compileAll(dir, dir.resolve("out"))).isInstanceOf(JRException.class)
			.hasMessageContaining("broken.jrxml");
	}

	@Test
	void folderWithoutTemplatesCompilesToNothing(@TempDir Path dir) throws Exception {
		assertThat(ReportCompiler.compileAll(dir.resolve("absent"), dir.resolve("out"))).isEmpty();
	}

	private static List<PDFont> fontsOf(PDPage page) throws IOException {
		PDResources resources = page.getResources();
		List<PDFont> fonts = new ArrayList<>();
		for (COSName name : resources.getFontNames()) {
			fonts.add(resources.getFont(name));
		}
		return fonts;
	}

}
