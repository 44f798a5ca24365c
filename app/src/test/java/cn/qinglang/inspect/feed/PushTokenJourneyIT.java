package cn.qinglang.inspect.feed;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.inspect.journey.Browser;
import cn.qinglang.inspect.journey.BrowserJourney;
import cn.qinglang.inspect.journey.EnforcementPages;
import cn.qinglang.inspect.journey.Pages.LoginPage;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser and over real HTTP: a platform's compliance officer makes a push
 * token on its feed page (shown once), pushes a JSON Lines file with the reference client
 * as the platform's engineer would, finds the push run in the feed's history with its
 * counts, reads the refused records, revokes the token, and the client is then refused.
 */
@PortalTest
class PushTokenJourneyIT extends BrowserJourney {

	private static final String USER = "qingqiong";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void aPlatformUserMakesATokenPushesWithTheClientReadsTheRejectsAndRevokesIt() throws Exception {
		String base = "http://localhost:" + this.port;
		long enterprise = this.jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = :u")
			.param("u", USER)
			.query(Long.class)
			.single();
		String credit = this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :e")
			.param("e", enterprise)
			.query(String.class)
			.single();
		String othersCredit = this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id <> :e ORDER BY id LIMIT 1")
			.param("e", enterprise)
			.query(String.class)
			.single();
		String name = "journey-" + UUID.randomUUID().toString().substring(0, 8);
		String ids = name + "-";

		// 1. the token, made on the feed page and shown this once
		LoginPage.open(driver, base).signIn(USER, SignIn.DEMO_PASSWORD);
		MyFeedPage feed = MyFeedPage.open(driver, base);
		feed.createToken(name, "30");
		String token = feed.newToken();
		assertThat(token).startsWith("qlt_").hasSize(47);
		assertThat(feed.newTokenNotice()).contains("仅显示这一次");
		assertThat(feed.flash()).contains("令牌已生成");
		long tokenId = this.jdbc.sql("SELECT id FROM api_token WHERE name = :name AND enterprise_id = :e")
			.param("name", name)
			.param("e", enterprise)
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("SELECT DATEDIFF(expires_at, created_at) FROM api_token WHERE id = :id")
			.param("id", tokenId)
			.query(Integer.class)
			.single()).as("the validity chosen").isEqualTo(30);
		assertThat(feed.tokenState(tokenId)).isEqualTo("有效");
		assertThat(feed.tokenCell(tokenId, 1)).isEqualTo(name);
		assertThat(feed.tokenCell(tokenId, 4)).isEqualTo("从未使用");
		Browser.screenshot(driver, "push-token-created");

		feed.reload();
		assertThat(feed.showsNewToken()).isFalse();
		assertThat(driver.getPageSource()).doesNotContain(token);
		assertThat(feed.tokenCell(tokenId, 2)).isEqualTo(token.substring(0, 12) + "…");
		assertThat(feed.revocable(tokenId)).isTrue();

		// 2. the platform's engineer pushes a file with the reference client
		String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
		Path file = Files.writeString(this.dir.resolve("complaints.jsonl"),
				String.join("\n", complaint(ids + "1", credit, day, true), complaint(ids + "2", credit, day, true),
						complaint(ids + "no-category", credit, day, false), complaint(ids + "3", credit, day, true),
						complaint(ids + "other", othersCredit, day, true)) + "\n");
		Pushed first = push(base, token, file);
		assertThat(first.status()).as(first.err()).isEqualTo(1);
		assertThat(first.out()).contains("complaints.jsonl:1 CREATED " + ids + "1")
			.contains("complaints.jsonl:2 CREATED " + ids + "2")
			.contains("complaints.jsonl:3 REJECTED " + ids + "no-category REQUIRED category")
			.contains("complaints.jsonl:4 CREATED " + ids + "3")
			.contains("complaints.jsonl:5 REJECTED " + ids + "other OTHER_ENTERPRISE enterprise")
			.contains("total: {CREATED=3, REJECTED=2}");
		assertThat(storedComplaints(ids)).isEqualTo(3);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM complaint WHERE platform_id = :id")
			.param("id", ids + "other")
			.query(Long.class)
			.single()).as("another enterprise's record, in any enterprise").isZero();
		long runId = this.jdbc.sql("SELECT id FROM feed_run WHERE token_id = :t AND source = 'PUSH'")
			.param("t", tokenId)
			.query(Long.class)
			.single();

		// 3. the push run in the feed's history, and its rejects
		feed.reload();
		assertThat(feed.runSource(runId)).isEqualTo("接口推送 " + name);
		assertThat(feed.runStatus(runId)).isEqualTo("已完成");
		assertThat(feed.runCount(runId, "read")).isEqualTo(5);
		assertThat(feed.runCount(runId, "written")).isEqualTo(3);
		assertThat(feed.runCount(runId, "rejected")).isEqualTo(2);
		assertThat(feed.tokenCell(tokenId, 4)).isNotEqualTo("从未使用");
		Browser.screenshot(driver, "push-run");

		RejectsPage rejects = feed.openRejects(runId);
		assertThat(rejects.summary()).contains("读取 5 条").contains("被拒 2 条");
		assertThat(rejects.rows()).containsExactlyInAnyOrder(
				List.of("3", ids + "no-category", "投诉举报", "category", "缺少必填字段: category is required"),
				List.of("5", ids + "other", "投诉举报", "enterprise",
						"不属于本企业: '" + othersCredit + "' is not this feed's enterprise"));
		Browser.screenshot(driver, "push-rejects");

		// a record sent by mistake withdrawn with the client: gone, and counted on the
		// run
		Pushed withdrawn = withdraw(base, token, "complaint/" + ids + "2");
		assertThat(withdrawn.status()).as(withdrawn.err()).isZero();
		assertThat(withdrawn.out()).contains("withdraw complaint/" + ids + "2 WITHDRAWN");
		assertThat(storedComplaints(ids)).isEqualTo(2);
		feed = MyFeedPage.open(driver, base);
		assertThat(driver.findElement(By.cssSelector("#run-" + runId + " .run-withdrawn")).getText())
			.isEqualTo("已撤回 1 条");
		assertThat(withdraw(base, token, "complaint/" + ids + "2").out()).as("withdrawn already: gone either way")
			.contains("NOT_FOUND");

		// 4. revoked: the list says so and the client is refused, nothing stored
		feed = MyFeedPage.open(driver, base);
		feed.revoke(tokenId);
		assertThat(feed.flash()).contains("令牌已吊销");
		assertThat(feed.tokenState(tokenId)).isEqualTo("已吊销");
		assertThat(feed.revocable(tokenId)).isFalse();
		Browser.screenshot(driver, "push-token-revoked");

		Path again = Files.writeString(this.dir.resolve("again.jsonl"), complaint(ids + "4", credit, day, true) + "\n");
		Pushed refused = push(base, token, again);
		assertThat(refused.status()).isEqualTo(2);
		assertThat(refused.err()).contains("HTTP 401");
		assertThat(refused.out()).doesNotContain("CREATED").contains("total: {}");
		assertThat(storedComplaints(ids)).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT read_count FROM feed_run WHERE id = :r")
			.param("r", runId)
			.query(Long.class)
			.single()).isEqualTo(5);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM feed_run WHERE token_id = :t")
			.param("t", tokenId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long storedComplaints(String idPrefix) {
		return this.jdbc.sql("SELECT COUNT(*) FROM complaint WHERE platform_id LIKE :p")
			.param("p", idPrefix + "%")
			.query(Long.class)
			.single();
	}

	private static String complaint(String id, String credit, String day, boolean withCategory) {
		return "{\"type\":\"complaint\",\"id\":\"" + id + "\",\"enterprise\":\"" + credit + "\",\"received_at\":\""
				+ day + "T09:30:00+08:00\"," + (withCategory ? "\"category\":\"RUMOR\"," : "")
				+ "\"content_type\":\"TEXT\",\"channel\":\"WEB_FORM\",\"status\":\"RECEIVED\",\"summary\":\"推送旅程\"}";
	}

	/** The reference client as {@code java -jar qinglang-inspect.jar push} runs it. */
	private static Pushed push(String base, String token, Path file) {
		return client("--url", base, "--token", token, "--batch", "2", file.toString());
	}

	private static Pushed withdraw(String base, String token, String record) {
		return client("--url", base, "--token", token, "--withdraw", record);
	}

	private static Pushed client(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = PushCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Pushed(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	record Pushed(int status, String out, String err) {
	}

	/** A platform user's own feed page: tokens, upload and runs. */
	record MyFeedPage(WebDriver driver) {

		static MyFeedPage open(WebDriver driver, String baseUrl) {
			driver.get(baseUrl + "/my-enterprise/feed");
			return new MyFeedPage(driver);
		}

		void reload() {
			this.driver.navigate().refresh();
		}

		void createToken(String name, String days) {
			this.driver.findElement(By.id("token-name")).sendKeys(name);
			new Select(this.driver.findElement(By.id("token-days"))).selectByValue(days);
			EnforcementPages.click(this.driver, this.driver.findElement(By.id("create-token")));
		}

		String newToken() {
			return this.driver.findElement(By.id("new-token-value")).getText().strip();
		}

		String newTokenNotice() {
			return this.driver.findElement(By.id("new-token")).getText();
		}

		/**
		 * Whether a new token is shown (read from the page: no implicit wait for one
		 * absent).
		 */
		boolean showsNewToken() {
			return this.driver.getPageSource().contains("id=\"new-token\"");
		}

		/** The confirmation shown after a form was sent. */
		String flash() {
			return this.driver.findElement(By.cssSelector("div.alert-success[role='status']:not(#new-token)"))
				.getText();
		}

		private WebElement tokenRow(long tokenId) {
			return this.driver
				.findElement(By.cssSelector("#token-table tr.token-row[data-token-id='" + tokenId + "']"));
		}

		/** A cell of the token's row, from 1 (name, prefix, created, last used, …). */
		String tokenCell(long tokenId, int column) {
			return tokenRow(tokenId).findElement(By.cssSelector("td:nth-child(" + column + ")")).getText().strip();
		}

		String tokenState(long tokenId) {
			return tokenRow(tokenId).findElement(By.className("token-state")).getText().strip();
		}

		/**
		 * Whether the token's row offers to revoke it (read from the row: no implicit
		 * wait).
		 */
		boolean revocable(long tokenId) {
			return tokenRow(tokenId).getDomProperty("innerHTML").contains("revoke-token");
		}

		void revoke(long tokenId) {
			EnforcementPages.click(this.driver, tokenRow(tokenId).findElement(By.className("revoke-token")));
		}

		private WebElement run(long runId) {
			return this.driver.findElement(By.id("run-" + runId));
		}

		String runSource(long runId) {
			return run(runId).findElement(By.cssSelector("td:nth-child(2)")).getText().strip();
		}

		String runStatus(long runId) {
			return run(runId).findElement(By.className("run-status")).getText().strip();
		}

		long runCount(long runId, String which) {
			return Long.parseLong(run(runId).findElement(By.className("run-" + which)).getText().strip());
		}

		RejectsPage openRejects(long runId) {
			EnforcementPages.click(this.driver, run(runId).findElement(By.cssSelector(".run-rejected a")));
			return new RejectsPage(this.driver);
		}

	}

	/** The records of one run that were refused, with where and why. */
	record RejectsPage(WebDriver driver) {

		String summary() {
			return this.driver.findElement(By.id("reject-summary")).getText();
		}

		List<List<String>> rows() {
			return this.driver.findElements(By.cssSelector("#reject-table tbody tr"))
				.stream()
				.map((row) -> row.findElements(By.tagName("td")).stream().map((td) -> td.getText().strip()).toList())
				.toList();
		}

	}

}
