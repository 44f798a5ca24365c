package cn.qinglang.inspect.report.export;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.journey.Browser;
import cn.qinglang.inspect.journey.BrowserJourney;
import cn.qinglang.inspect.journey.Pages.LoginPage;
import cn.qinglang.inspect.report.ReportFormat;
import cn.qinglang.inspect.report.export.ExportSamples.HeldRows;
import cn.qinglang.inspect.support.EnforcementSteps;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static cn.qinglang.inspect.report.export.ExportSamples.document;
import static cn.qinglang.inspect.report.export.ExportSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an inspector clicks the report of an order, too large with the
 * threshold of this context (the same as BackgroundExportIT's, so the same context), is
 * sent to "my exports" with the message, watches an export's progress bar move while the
 * page stays put (the script polling its JSON under the CSP), and sees both exports'
 * download links once they are done.
 */
@PortalTest
@Import(ExportSamples.SampleRecipe.class)
@TestPropertySource(properties = { "qinglang.reports.background-above-rows=5", "qinglang.reports.queue-capacity=2" })
class ExportJourneyIT extends BrowserJourney {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BackgroundExports exports;

	@Test
	void inspectorIsSentToMyExportsAndWatchesTheProgressUntilTheFileIsReady() throws Exception {
		EnforcementSteps steps = new EnforcementSteps(this.mvc, this.jdbc);
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
		long inspection = steps.openInspection(inspector, 2);
		long finding = steps.recordFinding(inspector, inspection, "PLT-02", "浏览器测试：未添加显著提示标识");
		long order = steps.issueOrder(inspector, inspection, List.of(finding), List.of("上线显著提示标识功能"));
		// ahead of the order's report on the single worker: held at its first row, then
		// at
		// its sixtieth, so that the page is seen while the work is under way
		CountDownLatch start = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		long held = this.exports.submit("inspector", ReportFormat.PDF, "长报表", 120,
				sample(() -> document(new HeldRows(120).holdAt(0, start).pauseAt(50, 400).holdAt(60, finish))));
		try {
			String baseUrl = "http://localhost:" + this.port;
			LoginPage.open(driver, baseUrl).signIn("inspector", SignIn.DEMO_PASSWORD);
			driver.get(baseUrl + "/orders/" + order);
			driver.findElement(By.cssSelector("a[href$='/orders/" + order + "/report.pdf']")).click();

			ExportsPage page = new ExportsPage(driver);
			assertThat(page.message()).contains("报表较大，已转入后台生成");
			long queued = this.jdbc.sql("SELECT MAX(id) FROM report_export WHERE owner = 'inspector'")
				.query(Long.class)
				.single();
			assertThat(page.statusOf(queued)).isEqualTo("排队中");
			WebElement bar = page.progressBarOf(held);
			assertThat(page.progressOf(bar)).isZero();

			start.countDown();
			// the same element, so the page has not reloaded: the script moved the bar
			assertThat(page.awaitProgress(bar)).isTrue();
			Browser.screenshot(driver, "my-exports-running");
			finish.countDown();

			assertThat(page.awaitDownloadLink(held)).isTrue();
			assertThat(page.awaitDownloadLink(queued)).isTrue();
			assertThat(page.statusOf(queued)).isEqualTo("已完成");
		}
		finally {
			start.countDown();
			finish.countDown();
		}
	}

	/** "My exports". */
	record ExportsPage(WebDriver driver) {

		String message() {
			return this.driver.findElement(By.cssSelector("main .alert-success")).getText();
		}

		String statusOf(long id) {
			return this.driver.findElement(By.cssSelector("#export-" + id + " .export-status")).getText();
		}

		WebElement progressBarOf(long id) {
			return this.driver.findElement(By.cssSelector("#export-" + id + " .export-progress"));
		}

		double progressOf(WebElement bar) {
			return Double.parseDouble(bar.getDomProperty("value"));
		}

		/** Fails with a stale element if the page reloads instead. */
		boolean awaitProgress(WebElement bar) {
			return new WebDriverWait(this.driver, PATIENCE).until((d) -> progressOf(bar) > 0);
		}

		boolean awaitDownloadLink(long id) {
			return new WebDriverWait(this.driver, PATIENCE).ignoring(StaleElementReferenceException.class)
				.until((d) -> !d.findElements(By.cssSelector("#export-" + id + " a.export-download")).isEmpty());
		}

	}

}
