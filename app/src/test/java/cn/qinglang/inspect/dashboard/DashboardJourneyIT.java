package cn.qinglang.inspect.dashboard;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qinglang.inspect.journey.Browser;
import cn.qinglang.inspect.journey.BrowserJourney;
import cn.qinglang.inspect.journey.Pages.LoginPage;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an inspector opens the campaign dashboard, the charts are drawn by
 * the bundled ECharts under the page's content security policy, the filters change the
 * URL, and a tile and a table cell drill down to lists whose totals are the numbers
 * clicked.
 */
@PortalTest
@KnownData
class DashboardJourneyIT extends BrowserJourney {

	@LocalServerPort
	int port;

	@Test
	void inspectorFiltersTheDashboardAndDrillsDown() throws Exception {
		String baseUrl = "http://localhost:" + this.port;
		LoginPage.open(driver, baseUrl).signIn("inspector", SignIn.DEMO_PASSWORD);
		driver.get(baseUrl + "/dashboard?" + KnownDataSet.PERIOD);
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
		wait.until(ExpectedConditions.attributeToBe(By.id("chart-trend"), "data-rendered", "true"));
		assertThat(driver.findElements(By.cssSelector("#chart-trend canvas"))).isNotEmpty();

		new Select(driver.findElement(By.id("jurisdiction"))).selectByValue(KnownDataSet.DAXING);
		new Select(driver.findElement(By.id("contentType"))).selectByValue("IMAGE");
		submit(wait, driver.findElement(By.id("apply-filter")), "contentType=IMAGE");
		assertThat(driver.getCurrentUrl()).contains("jurisdiction=" + KnownDataSet.DAXING).contains("from=2025-10-06");
		assertThat(driver.findElement(By.id("league-table")).getText()).contains(KnownDataSet.PLATFORM_NAME);
		String received = driver.findElement(By.cssSelector("#kpi-complaintsReceived .value")).getText();
		assertThat(received).isEqualTo("2");
		Browser.screenshot(driver, "dashboard-filtered");

		submit(wait, driver.findElement(By.id("kpi-complaintsReceived")), "/dashboard/complaints");
		assertThat(driver.findElement(By.id("drill-total")).getText()).isEqualTo("共 " + received + " 条");
		assertThat(driver.findElements(By.cssSelector("#drill-table tbody tr"))).hasSize(2);

		driver.navigate().back();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("drill-category-RUMOR")));
		WebElement rumor = driver.findElement(By.id("drill-category-RUMOR"));
		String rumorCount = rumor.getText();
		submit(wait, rumor, "category=RUMOR");
		assertThat(driver.findElement(By.id("drill-total")).getText()).isEqualTo("共 " + rumorCount + " 条");
	}

	/** Clicks through the DOM and waits for the next page. */
	private static void submit(WebDriverWait wait, WebElement element, String expectedInUrl) {
		((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
		wait.until(ExpectedConditions.urlContains(expectedInUrl));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
	}

}
