package cn.qinglang.inspect.dashboard;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.report.PdfChecks;
import cn.qinglang.inspect.support.Downloads;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard view as a PDF over {@link KnownDataSet}: the KPIs, charts, breakdowns and
 * league table of the view, searchable Chinese in embedded fonts; a platform team exports
 * its own enterprise only.
 */
@PortalTest
@KnownData
class DashboardPdfIT {

	/** The charts' first colour, the portal's blue. */
	private static final Color CHART_BLUE = new Color(0x1F3A5F);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void campaignPdfHoldsTheKpisChartsAndLeagueOfTheView() throws Exception {
		byte[] pdf = Downloads.bytes(this.mvc,
				"/dashboard/export.pdf?" + KnownDataSet.PERIOD + "&jurisdiction=" + KnownDataSet.DAXING,
				SignIn.as(this.mvc, "inspector"));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			// (180 + 25) / 250 explicit labels; the league's first row scores 75.0
			assertThat(text).contains("清朗专项行动数据报表", "2025-10-06 至 2025-10-19", "大兴区", "一、主要指标", "显式标识率", "82.0%",
					"四、企业合规排名", KnownDataSet.PLATFORM_NAME, "75.0", "五、按周数据", "2025-10-06", "第 1 页 / 共", "王检查");
			int charts = PdfChecks.pageWith(document, "标识率按周趋势");
			assertThat(charts).isPositive();
			assertThat(PdfChecks.pixelsOf(document, charts, CHART_BLUE)).as("bars and lines drawn").isGreaterThan(200);
			PdfChecks.assertEveryFontEmbedded(document);
			// the README's pictures of the export: its cover and its charts (copied from
			// target/screenshots)
			Path pictures = Files.createDirectories(Path.of("target", "screenshots"));
			ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 80), "png",
					pictures.resolve("dashboard-export-1.png").toFile());
			ImageIO.write(new PDFRenderer(document).renderImageWithDPI(charts - 1, 80), "png",
					pictures.resolve("dashboard-export.png").toFile());
		}
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'REPORT_EXPORTED' AND target_type = 'dashboard'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void withoutAJurisdictionTheCoverNamesTheInspectorsOwn() throws Exception {
		byte[] pdf = Downloads.bytes(this.mvc, "/dashboard/export.pdf?" + KnownDataSet.PERIOD,
				SignIn.as(this.mvc, "inspector"));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(PdfChecks.pageText(document, 1)).contains("统计范围：", "北京市").doesNotContain("全部辖区");
		}
	}

	@Test
	void platformTeamExportsItsOwnEnterpriseOnly() throws Exception {
		MockHttpSession platform = SignIn.as(this.mvc, KnownDataSet.PLATFORM_USER);

		byte[] pdf = Downloads.bytes(this.mvc, "/my-enterprise/dashboard/export.pdf?" + KnownDataSet.PERIOD, platform);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			// beside its peers' means, none of them named
			assertThat(new PDFTextStripper().getText(document))
				.contains(KnownDataSet.PLATFORM_NAME, "显式标识率", "同类比较", "本企业", "同类平均")
				.containsPattern("合规得分 75\\.0 ")
				.doesNotContain(KnownDataSet.PROVIDER_NAME)
				.doesNotContain("北京青穹")
				.doesNotContain("企业合规排名");
		}
		this.mvc.perform(get("/dashboard/export.pdf").session(platform)).andExpect(status().isForbidden());
		this.mvc.perform(get("/dashboard/enterprises/" + KnownDataSet.PROVIDER + "/export.pdf").session(platform))
			.andExpect(status().isForbidden());
	}

	@Test
	void inspectorOfAnotherJurisdictionCannotExportTheEnterprise() throws Exception {
		this.mvc
			.perform(get("/dashboard/enterprises/" + KnownDataSet.PLATFORM + "/export.pdf")
				.session(SignIn.as(this.mvc, "inspector-haidian")))
			.andExpect(status().isNotFound());
	}

}
