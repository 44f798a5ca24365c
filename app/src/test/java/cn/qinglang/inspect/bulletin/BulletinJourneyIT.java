package cn.qinglang.inspect.bulletin;

import java.nio.file.Files;
import java.time.Duration;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.inspect.dashboard.KnownData;
import cn.qinglang.inspect.dashboard.KnownDataSet;
import cn.qinglang.inspect.journey.Browser;
import cn.qinglang.inspect.journey.BrowserJourney;
import cn.qinglang.inspect.journey.EnforcementPages;
import cn.qinglang.inspect.journey.Pages.LoginPage;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an inspector reads the typical-issue summary of a district's
 * fortnight, publishes it as a bulletin and downloads its PDF, which holds the number,
 * the title and the period's statistics.
 */
@PortalTest
@KnownData
class BulletinJourneyIT extends BrowserJourney {

	private static final String TITLE = "关于大兴区十月上旬AI内容标识情况的通报";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void inspectorPublishesTheSummaryAsABulletinAndDownloadsIt() throws Exception {
		String baseUrl = "http://localhost:" + this.port;
		LoginPage.open(driver, baseUrl).signIn("inspector", SignIn.DEMO_PASSWORD);
		driver.get(baseUrl + "/summary?" + KnownDataSet.PERIOD + "&jurisdiction=" + KnownDataSet.DAXING);
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

		// the title offered is the period's; the inspector writes its own
		driver.findElement(By.id("title")).clear();
		driver.findElement(By.id("title")).sendKeys(TITLE);
		EnforcementPages.click(driver, driver.findElement(By.id("publish")));
		wait.until(ExpectedConditions.urlMatches("/bulletins/\\d+$"));
		assertThat(driver.findElement(By.id("bulletin-title")).getText()).isEqualTo(TITLE);
		String number = this.jdbc.sql("SELECT number FROM bulletin WHERE title = :title ORDER BY id DESC LIMIT 1")
			.param("title", TITLE)
			.query(String.class)
			.single();
		assertThat(driver.findElement(By.id("bulletin-number")).getText()).contains(number);
		Browser.screenshot(driver, "bulletin-published");

		EnforcementPages.click(driver, driver.findElement(By.id("download-pdf")));
		try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(downloaded(".pdf")))) {
			// the statistics of Daxing's fortnight: (180 + 25) / 250 explicit labels
			assertThat(new PDFTextStripper().getText(pdf)).contains(number, TITLE, "2025-10-06 至 2025-10-19",
					"二、本期主要数据", "显式标识率", "82.0%", "七、企业合规排名", KnownDataSet.PLATFORM_NAME, "王检查（inspector）");
		}
	}

}
