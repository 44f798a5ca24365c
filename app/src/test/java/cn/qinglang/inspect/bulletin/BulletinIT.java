package cn.qinglang.inspect.bulletin;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.report.PdfChecks;
import cn.qinglang.inspect.support.EnforcementSteps;
import cn.qinglang.inspect.support.Downloads;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.Pages;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The typical-issue summary of a district whose inspections this test makes (Daxing:
 * three findings in two enterprises this week), named or anonymised, and its publication
 * as a numbered, frozen bulletin.
 */
@PortalTest
class BulletinIT {

	private static final String DAXING = "110115";

	private static final String WEEK = "/summary?preset=LAST_7&jurisdiction=" + DAXING;

	private static boolean inspected;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void inspectDaxing() throws Exception {
		synchronized (BulletinIT.class) {
			if (inspected) {
				return;
			}
			EnforcementSteps steps = new EnforcementSteps(this.mvc, this.jdbc);
			MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
			long first = steps.openInspection(inspector, 37);
			steps.recordFinding(inspector, first, "GEN-01", "生成图片未添加显式标识");
			long second = steps.openInspection(inspector, 57);
			steps.recordFinding(inspector, second, "GEN-01", "导出视频缺少显式标识");
			steps.recordFinding(inspector, second, "GEN-03", "元数据缺少 AIGC 字段");
			inspected = true;
		}
	}

	@Test
	void summaryCountsFindingsByTypicalIssueWithTheShareOfInspectedEnterprises() throws Exception {
		String html = page(WEEK, SignIn.as(this.mvc, "executive"));

		assertThat(html).contains("期间受检企业 2 家")
			.containsPattern("GEN-01 [^<]*</td>\\s*<td>2</td>\\s*<td>2</td>\\s*<td>100.0%</td>")
			.containsPattern("GEN-03 [^<]*</td>\\s*<td>1</td>\\s*<td>1</td>\\s*<td>50.0%</td>")
			.contains("北京繁星创想网络技术有限公司")
			.contains("元数据缺少 AIGC 字段")
			.contains("id=\"statistics-table\"", "显式标识率", "id=\"summary-league\"");
	}

	@Test
	void anonymisedSummaryNamesNoEnterprise() throws Exception {
		String html = page(WEEK + "&anonymised=true", SignIn.as(this.mvc, "inspector"));

		// the league table of the period's statistics too
		assertThat(html).contains("企业A", "企业B", "id=\"summary-league\"", "（名称隐去）")
			.doesNotContain("北京繁星创想网络技术有限公司")
			.doesNotContain("北京望舒未来信息技术有限公司");
	}

	@Test
	void publishedBulletinIsNumberedFrozenAndAudited() throws Exception {
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
		String location = this.mvc
			.perform(post("/summary/publish?preset=LAST_7&jurisdiction=" + DAXING).param("anonymised", "true")
				.param("title", "关于大兴区AI内容标识典型问题的通报")
				.session(inspector)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		Map<String, Object> row = this.jdbc.sql("SELECT number, anonymised, content FROM bulletin WHERE id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat((String) row.get("content")).as("frozen without a name")
			.contains("（名称隐去）")
			.doesNotContain("北京繁星创想网络技术有限公司");
		assertThat((String) row.get("number")).matches("京网信通报〔" + LocalDate.now().getYear() + "〕\\d+号");
		this.mvc.perform(get(location).session(SignIn.as(this.mvc, "executive")))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString((String) row.get("number")), containsString("关于大兴区AI内容标识典型问题的通报"),
						containsString("企业A"), not(containsString("北京繁星创想网络技术有限公司")))));
		assertThatThrownBy(
				() -> this.jdbc.sql("UPDATE bulletin SET title = 'x' WHERE id = :id").param("id", id).update())
			.hasMessageContaining("frozen");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM bulletin WHERE id = :id").param("id", id).update())
			.hasMessageContaining("frozen");
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'BULLETIN_PUBLISHED' AND target_id = :id")
					.param("id", String.valueOf(id))
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void publishedBulletinDownloadsAsPdfAndDocxWithItsContent() throws Exception {
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
		String location = this.mvc
			.perform(post("/summary/publish?preset=LAST_7&jurisdiction=" + DAXING).param("title", "大兴区典型问题通报")
				.session(inspector)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String number = this.jdbc.sql("SELECT number FROM bulletin WHERE id = :id")
			.param("id", Long.parseLong(location.substring(location.lastIndexOf('/') + 1)))
			.query(String.class)
			.single();

		byte[] pdf = Downloads.bytes(this.mvc, location + ".pdf", inspector);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("通报", number, "大兴区典型问题通报", "二、本期主要数据", "显式标识率", "三、趋势与分布", "四、检查发现的典型问题",
					"GEN-01", "占受检企业 100.0%", "北京繁星创想网络技术有限公司", "七、企业合规排名", "合规得分（0–100）", "第 1 页 / 共", "王检查");
			int charts = PdfChecks.pageWith(document, "标识率按周趋势");
			assertThat(charts).isPositive();
			assertThat(PdfChecks.pixelsOf(document, charts, new Color(0x1F3A5F))).isGreaterThan(100);
			PdfChecks.assertEveryFontEmbedded(document);
		}
		byte[] docx = Downloads.bytes(this.mvc, location + ".docx", inspector);
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			assertThat(extractor.getText()).contains(number, "大兴区典型问题通报", "GEN-03", "七、企业合规排名", "北京望舒未来信息技术有限公司",
					"八、典型案例");
			// the three charts, drawn as pictures for the office's editor
			assertThat(document.getAllPictures()).hasSizeGreaterThanOrEqualTo(3);
		}
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'REPORT_EXPORTED' AND target_type = 'bulletin'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
		this.mvc.perform(get(location + ".pdf").session(SignIn.as(this.mvc, "inspector-haidian")))
			.andExpect(status().isNotFound());
	}

	@Test
	void onlyInspectorsPublishAndOtherDistrictsDoNotSeeTheBulletin() throws Exception {
		this.mvc
			.perform(post("/summary/publish?preset=LAST_7").param("title", "t")
				.session(SignIn.as(this.mvc, "executive"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/summary").session(SignIn.as(this.mvc, "qingqiong"))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/summary/publish?preset=LAST_7").param("title", "")
				.session(SignIn.as(this.mvc, "inspector"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
		this.mvc
			.perform(post("/summary/publish?preset=LAST_7").param("title", "北京市通报").session(inspector).with(csrf()));
		long id = this.jdbc.sql("SELECT MAX(id) FROM bulletin").query(Long.class).single();
		// published by the municipal office: a district inspector is below it and does
		// not see it
		this.mvc.perform(get("/bulletins/" + id).session(SignIn.as(this.mvc, "inspector-haidian")))
			.andExpect(status().isNotFound());
	}

	@Test
	void districtInspectorsSummaryLeavesOutOtherDistricts() throws Exception {
		String html = page("/summary?preset=LAST_7", SignIn.as(this.mvc, "inspector-haidian"));

		assertThat(html).doesNotContain("北京繁星创想网络技术有限公司").doesNotContain("导出视频缺少显式标识");
	}

	private String page(String url, MockHttpSession session) throws Exception {
		return Pages.html(this.mvc, url, session);
	}

}
