package cn.qinglang.inspect.rectification;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.support.EnforcementSteps;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;
import cn.qinglang.inspect.report.PdfChecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The enterprise rectification report as a PDF: its Chinese text is extractable
 * (enterprise, order number, finding, evidence hashes, watermark, page footer), its fonts
 * embedded; the platform gets its own enterprise's report only, a district inspector its
 * district's only; every export is in the audit log.
 */
@PortalTest
class RectificationReportIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	EnforcementSteps steps;

	MockHttpSession inspector;

	/** An order of enterprise 1 (qingqiong) with a finding and one measure's evidence. */
	long order;

	String number;

	String sha256;

	@BeforeEach
	void orderWithEvidence() throws Exception {
		this.steps = new EnforcementSteps(this.mvc, this.jdbc);
		this.inspector = SignIn.as(this.mvc, "inspector");
		long inspection = this.steps.openInspection(this.inspector, 1);
		long finding = this.steps.recordFinding(this.inspector, inspection, "PLT-02", "发布的AI生成图片未添加显著提示标识");
		this.order = this.steps.issueOrder(this.inspector, inspection, List.of(finding), List.of("上线显著提示标识功能"));
		long measure = this.steps.measureIds(this.order).get(0);
		byte[] content = ("整改说明 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
		this.steps.submit(SignIn.as(this.mvc, "qingqiong"), this.order, measure,
				new MockMultipartFile("files", "标识整改说明.txt", "text/plain", content));
		this.steps.review(this.inspector, this.order, this.steps.latestSubmission(measure), "ACCEPTED");
		this.number = this.jdbc.sql("SELECT number FROM rectification_order WHERE id = :o")
			.param("o", this.order)
			.query(String.class)
			.single();
		this.sha256 = this.jdbc.sql("""
				SELECT f.sha256 FROM file_object f JOIN submission_file sf ON sf.file_object_id = f.id
				JOIN measure_submission s ON s.id = sf.submission_id WHERE s.measure_id = :m""")
			.param("m", measure)
			.query(String.class)
			.single();
	}

	@Test
	void inspectorDownloadsAReportWithChineseTextEmbeddedFontsWatermarkAndPageFooter() throws Exception {
		byte[] pdf = this.mvc.perform(get("/orders/" + this.order + "/report.pdf").session(this.inspector))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String enterprise = this.jdbc.sql("SELECT name_zh FROM enterprise WHERE id = 1").query(String.class).single();
		String inspectorName = this.jdbc.sql("SELECT display_name FROM app_user WHERE username = 'inspector'")
			.query(String.class)
			.single();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(enterprise, this.number, "企业整改情况报告", "发布的AI生成图片未添加显著提示标识", "上线显著提示标识功能",
					"标识整改说明.txt", this.sha256, "第 1 页 / 共", inspectorName, "签名");
			PdfChecks.assertEveryFontEmbedded(document);
			String lastPage = PdfChecks.pageText(document, document.getNumberOfPages());
			assertThat(lastPage)
				.contains("第 " + document.getNumberOfPages() + " 页 / 共 " + document.getNumberOfPages() + " 页");
		}
	}

	@Test
	void smallReportStreamsStraightToTheBrowserWithoutABackgroundExport() throws Exception {
		long before = this.jdbc.sql("SELECT COUNT(*) FROM report_export").query(Long.class).single();

		this.mvc.perform(get("/orders/" + this.order + "/report.pdf").session(this.inspector))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"));

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM report_export").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void platformDownloadsItsOwnEnterprisesReport() throws Exception {
		byte[] pdf = this.mvc
			.perform(get("/my-enterprise/orders/" + this.order + "/report.pdf")
				.session(SignIn.as(this.mvc, "qingqiong")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains(this.number, "qingqiong");
		}
	}

	@Test
	void platformUserCannotDownloadAnotherEnterprisesReport() throws Exception {
		this.mvc
			.perform(get("/my-enterprise/orders/" + this.order + "/report.pdf").session(SignIn.as(this.mvc, "mingche")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/orders/" + this.order + "/report.pdf").session(SignIn.as(this.mvc, "mingche")))
			.andExpect(status().isForbidden());
	}

	@Test
	void inspectorOfAnotherDistrictCannotDownloadTheReport() throws Exception {
		long outsideHaidian = this.jdbc.sql("""
				SELECT MIN(e.id) FROM enterprise e JOIN jurisdiction j ON j.code = e.jurisdiction_code
				WHERE j.path NOT LIKE (SELECT CONCAT(path, '%') FROM jurisdiction WHERE code = '110108')""")
			.query(Long.class)
			.single();
		long inspection = this.steps.openInspection(this.inspector, outsideHaidian);
		long finding = this.steps.recordFinding(this.inspector, inspection, "PLT-02", "未添加显著提示");
		long elsewhere = this.steps.issueOrder(this.inspector, inspection, List.of(finding), List.of("添加提示标识"));
		MockHttpSession haidian = SignIn.as(this.mvc, "inspector-haidian");

		this.mvc.perform(get("/orders/" + elsewhere + "/report.pdf").session(haidian)).andExpect(status().isNotFound());
		this.mvc.perform(get("/orders/" + this.order + "/report.pdf").session(haidian)).andExpect(status().isOk());
		this.mvc.perform(get("/orders/" + elsewhere + "/report.pdf").session(SignIn.as(this.mvc, "executive")))
			.andExpect(status().isOk());
	}

	@Test
	void everyExportIsInTheAuditLog() throws Exception {
		this.mvc.perform(get("/orders/" + this.order + "/report.pdf").session(this.inspector))
			.andExpect(status().isOk());

		String detail = this.jdbc.sql("""
				SELECT detail FROM audit_log WHERE action = 'REPORT_EXPORTED' AND actor = 'inspector'
				  AND target_type = 'rectification_order' AND target_id = :o ORDER BY id DESC LIMIT 1""")
			.param("o", String.valueOf(this.order))
			.query(String.class)
			.single();
		assertThat(detail).contains("office-document").contains("PDF");
	}

	@Test
	void orderPageLinksToTheReport() throws Exception {
		this.mvc.perform(get("/orders/" + this.order).session(this.inspector))
			.andExpect(content().string(containsString("/orders/" + this.order + "/report.pdf")));
		this.mvc.perform(get("/my-enterprise/orders/" + this.order).session(SignIn.as(this.mvc, "qingqiong")))
			.andExpect(content().string(containsString("/my-enterprise/orders/" + this.order + "/report.pdf")));
	}

}
