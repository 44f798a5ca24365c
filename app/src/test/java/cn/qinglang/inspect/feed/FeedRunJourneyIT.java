package cn.qinglang.inspect.feed;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.batch.feed.TokenCipher;
import cn.qinglang.inspect.journey.Browser;
import cn.qinglang.inspect.journey.BrowserJourney;
import cn.qinglang.inspect.journey.Pages.LoginPage;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an administrator opens a feed, runs it now and watches the run's
 * progress until it has completed (the progress script polling its JSON, no inline
 * script).
 */
@PortalTest
class FeedRunJourneyIT extends BrowserJourney {

	private static final long ENTERPRISE = 9;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TokenCipher cipher;

	@Test
	void adminRunsAFeedAndWatchesItFinish() throws Exception {
		String code = this.jdbc.sql("SELECT code FROM enterprise WHERE id = :e")
			.param("e", ENTERPRISE)
			.query(String.class)
			.single();
		this.jdbc
			.sql("""
					INSERT INTO feed (enterprise_id, base_url, token_ciphertext, enabled) VALUES (:e, :url, :token, TRUE)""")
			.param("e", ENTERPRISE)
			.param("url", "http://127.0.0.1:" + this.port + "/demo-platform/" + code)
			.param("token", this.cipher.encrypt("demo-" + code))
			.update();
		String baseUrl = "http://localhost:" + this.port;

		FeedPage feed = FeedPage.signInAndOpen(driver, baseUrl, ENTERPRISE);
		assertThat(feed.hasNoRuns()).isTrue();
		feed.runNow();

		assertThat(feed.awaitLatestRunStatus("已完成", Duration.ofSeconds(60))).isTrue();
		// once the run has ended the page reloads itself with the final figures
		assertThat(feed.awaitDataAsOfSet(Duration.ofSeconds(10))).isTrue();
		assertThat(feed.latestRunWritten()).isPositive();
		Browser.screenshot(driver, "feed-run-completed");
	}

	/** The administrator's page of one feed. */
	record FeedPage(WebDriver driver) {

		static FeedPage signInAndOpen(WebDriver driver, String baseUrl, long enterpriseId) {
			LoginPage.open(driver, baseUrl).signIn("admin", SignIn.DEMO_PASSWORD);
			driver.get(baseUrl + "/admin/feeds/" + enterpriseId);
			return new FeedPage(driver);
		}

		boolean hasNoRuns() {
			return !this.driver.findElements(By.id("no-runs")).isEmpty();
		}

		void runNow() {
			this.driver.findElement(By.id("run-now")).click();
		}

		boolean awaitLatestRunStatus(String label, Duration timeout) {
			return new WebDriverWait(this.driver, timeout).ignoring(StaleElementReferenceException.class).until((d) -> {
				var statuses = d.findElements(By.cssSelector("#run-table tr.feed-run .run-status"));
				return !statuses.isEmpty() && statuses.get(0).getText().equals(label);
			});
		}

		long latestRunWritten() {
			return Long.parseLong(
					this.driver.findElement(By.cssSelector("#run-table tr.feed-run .run-written")).getText().strip());
		}

		boolean awaitDataAsOfSet(Duration timeout) {
			return new WebDriverWait(this.driver, timeout).ignoring(StaleElementReferenceException.class)
				.until((d) -> !d.findElement(By.id("data-as-of")).getText().contains("从未"));
		}

	}

}
