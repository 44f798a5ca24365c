package cn.qinglang.inspect.rectification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.design.JRDesignField;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import cn.qinglang.reports.charts.LineChart;
import cn.qinglang.reports.charts.Series;
import cn.qinglang.inspect.report.ReportLine;
import cn.qinglang.inspect.report.ReportDocument;
import cn.qinglang.inspect.report.RecordDataSource;
import cn.qinglang.inspect.report.ReportFormat;
import cn.qinglang.inspect.report.Watermark;
import cn.qinglang.inspect.report.ReportRenderer;
import cn.qinglang.inspect.report.ReportProperties;
import cn.qinglang.inspect.report.PdfChecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The renderer on a report of many pages, most of them swapped out, without Spring: every
 * PDF page carries the watermark and "第 X 页 / 共 Y 页" and embeds its fonts; DOCX and XLSX
 * carry the same text without the watermark.
 */
class ReportRendererTests {

	private static final Watermark WATERMARK = new Watermark("王检查（inspector）", "2026-06-20 09:30");

	private final RectificationReportLayout layout = SampleReports.layout();

	/** Two pages in memory: the ten-page report goes through the swap file. */
	private final ReportRenderer renderer = new ReportRenderer(new ReportProperties(2, false, 300, 1, 10,
			java.time.Duration.ofDays(7), java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(30)));

	@Test
	void everyPdfPageHasTheWatermarkThePageFooterAndEmbeddedFonts() throws Exception {
		RectificationReportData data = SampleReports.data(20, 100);

		try (PDDocument pdf = Loader.loadPDF(render(data, ReportFormat.PDF))) {
			int pages = pdf.getNumberOfPages();
			assertThat(pages).isGreaterThan(3);
			for (int page = 1; page <= pages; page++) {
				assertThat(PdfChecks.pageText(pdf, page)).as("page %d", page)
					.contains("王检查（inspector）", "2026-06-20 09:30")
					.contains("第 " + page + " 页 / 共 " + pages + " 页");
			}
			PdfChecks.assertEveryFontEmbedded(pdf);
			String text = new PDFTextStripper().getText(pdf);
			Evidence last = lastFile(data);
			assertThat(text).contains(SampleReports.ENTERPRISE, SampleReports.ORDER_NUMBER, "问题 20", last.name(),
					last.sha256(), last.sm3(), "六、标识抽检结果", "文件元数据中无隐式标识：5 个文件", "罚款 50000 元", "（盖章）");
		}
	}

	@Test
	void docxHasTheReportsTextWithoutTheWatermark() throws Exception {
		RectificationReportData data = SampleReports.data(3, 6);

		String document = unzip(render(data, ReportFormat.DOCX)).get("word/document.xml");

		assertThat(document).contains(SampleReports.ENTERPRISE, SampleReports.ORDER_NUMBER, lastFile(data).sha256())
			.doesNotContain("2026-06-20 09:30");
	}

	@Test
	void xlsxHasTheReportsTextInCells() throws Exception {
		RectificationReportData data = SampleReports.data(3, 6);

		Map<String, String> parts = unzip(render(data, ReportFormat.XLSX));

		assertThat(parts.get("xl/sharedStrings.xml")).contains(SampleReports.ENTERPRISE, lastFile(data).fileName())
			.doesNotContain("2026-06-20 09:30");
	}

	@Test
	void aTableLongerThanAPageRepeatsItsHeadingsOnEveryPageAndSwappedChartsSurvive() throws Exception {
		List<String> headings = List.of("排名", "企业", "辖区", "得分", "显式标识", "隐式标识", "标识核验", "投诉量", "按时办结");
		List<ReportLine> lines = new ArrayList<>();
		lines.add(ReportLine.chart("一、图表", "标识率按周趋势", new LineChart(List.of("2026-05-18", "2026-05-25"),
				List.of(new Series("显式标识率", List.of(60.0, 80.0))), 0, "专项行动启动")));
		for (int rank = 1; rank <= 150; rank++) {
			lines.add(ReportLine.row("二、企业合规排名", ReportLine.Table.LEAGUE, headings, List.of(String.valueOf(rank),
					"企业" + rank, "海淀区", "80.0", "90.0%", "85.0%", "70.0%", "1,000", "75.0%")));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.renderer.render(
				new ReportDocument(ReportDocument.OFFICE_DOCUMENT, Map.of(),
						RecordDataSource.of(ReportLine.class, lines), "league", "test", "1"),
				ReportFormat.PDF, WATERMARK, out);

		try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
			int pagesWithRows = 0;
			for (int page = 2; page <= pdf.getNumberOfPages(); page++) {
				String text = PdfChecks.pageText(pdf, page);
				if (text.matches("(?s).*企业\\d+.*")) {
					pagesWithRows++;
					assertThat(text).as("page %d", page).contains("排名 企业 辖区 得分 显式标识");
				}
			}
			assertThat(pagesWithRows).isGreaterThanOrEqualTo(3);
			assertThat(new PDFTextStripper().getText(pdf)).contains("企业150", "标识率按周趋势");
		}
	}

	@Test
	void aTemplateFieldWithoutARecordComponentIsNamed() {
		RecordDataSource<ReportLine> rows = RecordDataSource.of(ReportLine.class, List.of(ReportLine.note("一", "无")));
		rows.next();
		JRDesignField field = new JRDesignField();
		field.setName("nosuch");

		assertThatThrownBy(() -> rows.getFieldValue(field)).isInstanceOf(JRException.class)
			.hasMessageContaining("nosuch");
	}

	private byte[] render(RectificationReportData data, ReportFormat format) throws JRException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.renderer.render(this.layout.document(data, LocalDate.of(2026, 6, 20)), format, WATERMARK, out);
		return out.toByteArray();
	}

	private static Evidence lastFile(RectificationReportData data) {
		var files = data.measures().get(data.measures().size() - 1).latest().files();
		var file = files.get(files.size() - 1);
		return new Evidence(file.fileName(), file.sha256(), file.sm3());
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

	private record Evidence(String name, String sha256, String sm3) {

		String fileName() {
			return this.name;
		}

	}

}
