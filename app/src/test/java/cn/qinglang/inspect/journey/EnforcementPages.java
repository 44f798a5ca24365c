package cn.qinglang.inspect.journey;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Page objects of the enforcement loop: inspection, order, evidence, review.
 */
public final class EnforcementPages {

	private EnforcementPages() {
	}

	/** Date inputs take their value as the browser's own widget would. */
	static void setDate(WebDriver driver, WebElement input, String isoDate) {
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, isoDate);
	}

	/**
	 * Clicks a button through the DOM: headless Chromium reports long pages' lower
	 * buttons as covered even when nothing covers them. A submit button clicked so still
	 * sends its name and value.
	 */
	public static void click(WebDriver driver, WebElement element) {
		((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
	}

	static void signOut(WebDriver driver) {
		click(driver, driver.findElement(By.id("sign-out")));
	}

	record NewInspectionPage(WebDriver driver) {

		static NewInspectionPage fromEnterprise(WebDriver driver, String baseUrl, long enterpriseId) {
			driver.get(baseUrl + "/enterprises/" + enterpriseId);
			click(driver, driver.findElement(By.id("open-inspection")));
			return new NewInspectionPage(driver);
		}

		InspectionPage open(String kind, String scope) {
			new Select(this.driver.findElement(By.id("kind"))).selectByValue(kind);
			this.driver.findElement(By.id("scope")).sendKeys(scope);
			click(this.driver, this.driver.findElement(By.id("open-inspection")));
			return new InspectionPage(this.driver);
		}

	}

	record InspectionPage(WebDriver driver) {

		InspectionPage recordFinding(String catalogCode, String description, Path attachment) {
			Select items = new Select(this.driver.findElement(By.id("catalogItemId")));
			items.getOptions()
				.stream()
				.filter((option) -> option.getText().startsWith(catalogCode + " "))
				.findFirst()
				.orElseThrow()
				.click();
			this.driver.findElement(By.id("description")).sendKeys(description);
			this.driver.findElement(By.id("files")).sendKeys(attachment.toAbsolutePath().toString());
			click(this.driver, this.driver.findElement(By.id("record-finding")));
			return this;
		}

		int findingCount() {
			return this.driver.findElements(By.cssSelector(".finding")).size();
		}

		OrderPage issueOrderWithFindingMeasuresOnly() {
			click(this.driver, this.driver.findElement(By.id("issue-order")));
			// keep the finding-specific measures, drop the five core ones
			for (int i = 0; i < 5; i++) {
				this.driver.findElement(By.id("measure-" + i)).clear();
			}
			click(this.driver, this.driver.findElement(By.id("issue")));
			return new OrderPage(this.driver);
		}

	}

	record OrderPage(WebDriver driver) {

		static OrderPage open(WebDriver driver, String url) {
			driver.get(url);
			return new OrderPage(driver);
		}

		String number() {
			return this.driver.findElement(By.id("order-number")).getText();
		}

		String status() {
			return this.driver.findElement(By.id("order-status")).getText();
		}

		List<String> measureStatuses() {
			return this.driver.findElements(By.cssSelector(".measure-status"))
				.stream()
				.map(WebElement::getText)
				.toList();
		}

		OrderPage submitEvidence(int position, String statement, String effectiveDate, Path file) {
			WebElement measure = this.driver.findElement(By.id("measure-" + position));
			WebElement form = measure.findElement(By.cssSelector("form.submit-form"));
			form.findElement(By.name("statement")).sendKeys(statement);
			setDate(this.driver, form.findElement(By.name("effectiveDate")), effectiveDate);
			form.findElement(By.name("files")).sendKeys(file.toAbsolutePath().toString());
			click(this.driver, form.findElement(By.cssSelector("button.submit-evidence")));
			return this;
		}

		OrderPage accept(int position) {
			click(this.driver, this.driver.findElement(By.id("measure-" + position))
				.findElement(By.cssSelector("form.review-form button.accept")));
			return this;
		}

		OrderPage returnWith(int position, String comment) {
			WebElement form = this.driver.findElement(By.id("measure-" + position))
				.findElement(By.cssSelector("form.review-form"));
			form.findElement(By.name("comment")).sendKeys(comment);
			click(this.driver, form.findElement(By.cssSelector("button.return")));
			return this;
		}

		List<String> shownSha256() {
			return this.driver.findElements(By.cssSelector("code.sha256")).stream().map(WebElement::getText).toList();
		}

		String message() {
			return this.driver.findElement(By.cssSelector(".alert")).getText();
		}

	}

}
