package cn.qinglang.inspect.dashboard;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.Pages;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard pages over {@link KnownDataSet}: tiles and the lists behind them agree,
 * the filter stays in every link, bad parameters are told, exports hold the view, and a
 * platform team sees its own enterprise only, with peers as aggregates.
 */
@PortalTest
@KnownData
class DashboardPagesIT {

	private static final String DAXING_VIEW = "/dashboard?" + KnownDataSet.PERIOD + "&jurisdiction="
			+ KnownDataSet.DAXING;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void campaignDashboardShowsTheTilesAndKeepsTheFilterInItsLinks() throws Exception {
		this.mvc.perform(get(DAXING_VIEW + "&enterprise=" + KnownDataSet.PLATFORM).session(inspector()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"kpi-explicitRate\""),
					containsString("<span class=\"value\">90.0%</span>"), containsString("+40.0"),
					containsString(
							"export.xlsx?preset=CUSTOM&amp;from=2025-10-06&amp;to=2025-10-19&amp;jurisdiction=110115"),
					containsString("data-chart=\"trend\""), containsString("id=\"score-formula\""))));
	}

	@Test
	void contentRenderedOnceForAViewIsSharedOnlyAlongWithItsScopeAndKeepsEachUsersOwnFrame() throws Exception {
		String inspector = page(DAXING_VIEW, inspector());
		String executive = page(DAXING_VIEW, SignIn.as(this.mvc, "executive"));
		String haidian = page("/dashboard?" + KnownDataSet.PERIOD, SignIn.as(this.mvc, "inspector-haidian"));

		// the same scope and filter: the same content, each in its own user's frame
		assertThat(section(executive)).isEqualTo(section(inspector)).contains("id=\"league-table\"");
		assertThat(inspector).contains("王检查").doesNotContain("李主任");
		assertThat(executive).contains("李主任").doesNotContain("王检查");
		// another scope: content of its own
		assertThat(section(haidian)).isNotEqualTo(section(inspector));
		assertThat(haidian).contains("赵海淀").doesNotContain("王检查");
	}

	private String page(String url, MockHttpSession session) throws Exception {
		return Pages.html(this.mvc, url, session);
	}

	private static String section(String html) {
		return html.substring(html.indexOf("<section class=\"dashboard\">"), html.indexOf("</section>"));
	}

	@Test
	void drillDownTotalsEqualTheTiles() throws Exception {
		String filter = KnownDataSet.PERIOD + "&enterprise=" + KnownDataSet.PLATFORM;
		MockHttpSession session = inspector();

		assertThat(total("/dashboard/complaints?" + filter, session)).isEqualTo(4);
		assertThat(total("/dashboard/complaints?" + filter + "&handled=true", session)).isEqualTo(3);
		assertThat(total("/dashboard/complaints?" + filter + "&category=RUMOR", session)).isEqualTo(2);
		assertThat(total("/dashboard/complaints?" + filter + "&campaignCategory=INFRINGEMENT", session)).isEqualTo(1);
		assertThat(total("/dashboard/actions?" + filter + "&type=FINE", session)).isEqualTo(1);
		assertThat(total("/dashboard/metrics?" + filter, session)).isEqualTo(2);
		assertThat(total("/dashboard/complaints?" + filter + "&contentType=IMAGE", session)).isEqualTo(2);
	}

	@Test
	void refusedFilterParametersAreToldAndReplacedByDefaults() throws Exception {
		this.mvc.perform(get("/dashboard?preset=CUSTOM&from=2025-10-19&to=2025-10-06&kind=NOPE").session(inspector()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("结束日期早于开始日期"), containsString("企业类型无效"))));
	}

	@Test
	void xlsxExportHoldsTheKpisAndTheLeagueOfTheView() throws Exception {
		byte[] xlsx = this.mvc
			.perform(get("/dashboard/export.xlsx?" + KnownDataSet.PERIOD + "&jurisdiction=" + KnownDataSet.DAXING)
				.session(inspector()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet kpis = workbook.getSheet("关键指标");
			assertThat(cell(kpis.getRow(1), 0)).isEqualTo("显式标识率");
			// (180 + 25) / 250
			assertThat(kpis.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(82.0);
			Sheet league = workbook.getSheet("企业合规排名");
			assertThat(cell(league.getRow(1), 1)).isEqualTo(KnownDataSet.PLATFORM_NAME);
			assertThat(league.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(75.0);
		}
	}

	@Test
	void printViewTablesTheKpisOfTheView() throws Exception {
		this.mvc
			.perform(get("/dashboard/print?" + KnownDataSet.PERIOD + "&jurisdiction=" + KnownDataSet.DAXING)
				.session(inspector()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"kpi-table\""), containsString("显式标识率"),
					containsString("82.0%"), containsString("+32.0 个百分点"))));
	}

	@Test
	void csvExportIsUtf8WithTheKpis() throws Exception {
		String csv = this.mvc
			.perform(get("/dashboard/export.csv?" + KnownDataSet.PERIOD + "&enterprise=" + KnownDataSet.PLATFORM)
				.session(inspector()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(csv).startsWith("\uFEFF关键指标").contains("显式标识率,2025-10-06 – 2025-10-19,90.0,50.0,40.0,%");
	}

	@Test
	void platformTeamSeesItsOwnDashboardWithPeersOnlyAsAggregates() throws Exception {
		MockHttpSession platform = SignIn.as(this.mvc, KnownDataSet.PLATFORM_USER);

		this.mvc.perform(get("/my-enterprise/dashboard?" + KnownDataSet.PERIOD).session(platform))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(KnownDataSet.PLATFORM_NAME),
					containsString("id=\"peer-comparison\""), not(containsString(KnownDataSet.PROVIDER_NAME)),
					not(containsString("北京青穹")), not(containsString("id=\"league-table\"")))));
		byte[] xlsx = this.mvc
			.perform(get("/my-enterprise/dashboard/export.xlsx?" + KnownDataSet.PERIOD).session(platform))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			StringBuilder all = new StringBuilder();
			DataFormatter format = new DataFormatter();
			workbook.forEach((sheet) -> sheet
				.forEach((row) -> row.forEach((c) -> all.append(format.formatCellValue(c)).append('|'))));
			assertThat(all.toString()).doesNotContain(KnownDataSet.PROVIDER_NAME).doesNotContain("北京青穹");
		}
	}

	@Test
	void platformTeamIsRefusedTheCampaignDashboardAndOtherEnterprises() throws Exception {
		MockHttpSession platform = SignIn.as(this.mvc, KnownDataSet.PLATFORM_USER);

		this.mvc.perform(get("/dashboard").session(platform)).andExpect(status().isForbidden());
		this.mvc.perform(get("/dashboard/enterprises/" + KnownDataSet.PROVIDER).session(platform))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/dashboard/export.csv").session(platform)).andExpect(status().isForbidden());
		// its own lists stay its own, whatever enterprise the URL names
		assertThat(total(
				"/my-enterprise/dashboard/metrics?" + KnownDataSet.PERIOD + "&enterprise=" + KnownDataSet.PROVIDER,
				platform))
			.isZero();
		assertThat(total("/my-enterprise/dashboard/metrics?" + KnownDataSet.PERIOD, platform)).isEqualTo(2);
	}

	@Test
	void inspectorOfAnotherJurisdictionDoesNotSeeTheEnterprise() throws Exception {
		MockHttpSession haidian = SignIn.as(this.mvc, "inspector-haidian");

		this.mvc.perform(get("/dashboard/enterprises/" + KnownDataSet.PLATFORM).session(haidian))
			.andExpect(status().isNotFound());
		this.mvc.perform(get(DAXING_VIEW).session(haidian))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(KnownDataSet.PLATFORM_NAME))));
		assertThat(
				total("/dashboard/complaints?" + KnownDataSet.PERIOD + "&enterprise=" + KnownDataSet.PLATFORM, haidian))
			.isZero();
	}

	@Test
	void enterpriseDashboardRanksItAmongItsPeers() throws Exception {
		this.mvc
			.perform(get("/dashboard/enterprises/" + KnownDataSet.PLATFORM + "?" + KnownDataSet.PERIOD)
				.session(inspector()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("id=\"own-score\">75.0<"), containsString("id=\"own-rank\""))));
	}

	@Test
	void enterpriseDashboardListsItsOrdersForTheInspectorAndForItsOwnTeam() throws Exception {
		var order = this.jdbc.sql("""
				SELECT o.enterprise_id, o.number, e.code FROM rectification_order o
				JOIN enterprise e ON e.id = o.enterprise_id ORDER BY o.id DESC LIMIT 1""")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.single();

		this.mvc.perform(get("/dashboard/enterprises/" + order[0]).session(inspector()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"orders-table\""), containsString(order[1]),
					containsString("id=\"findings-table\""))));
		this.mvc.perform(get("/my-enterprise/dashboard").session(SignIn.as(this.mvc, order[2])))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(order[1]), containsString("/my-enterprise/orders/"))));
	}

	@Test
	void executiveReadsTheDashboardAndItsExportIsAudited() throws Exception {
		MockHttpSession executive = SignIn.as(this.mvc, "executive");
		long before = exports();

		this.mvc.perform(get(DAXING_VIEW).session(executive)).andExpect(status().isOk());
		this.mvc.perform(get("/dashboard/export.csv?" + KnownDataSet.PERIOD).session(executive))
			.andExpect(status().isOk());

		assertThat(exports()).isEqualTo(before + 1);
	}

	private long exports() {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'DASHBOARD_EXPORTED'")
			.query(Long.class)
			.single();
	}

	private long total(String url, MockHttpSession session) throws Exception {
		String html = this.mvc.perform(get(url).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("id=\"drill-total\">共 (\\d+) 条<")
			.matcher(html);
		assertThat(matcher.find()).as("total on " + url).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private MockHttpSession inspector() throws Exception {
		return SignIn.as(this.mvc, "inspector");
	}

	private static String cell(Row row, int column) {
		return new DataFormatter().formatCellValue(row.getCell(column));
	}

}
