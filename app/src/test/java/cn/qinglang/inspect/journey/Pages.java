package cn.qinglang.inspect.journey;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Page objects of the portal: what a user sees and does, not how the HTML is built.
 */
public final class Pages {

	private Pages() {
	}

	public record LoginPage(WebDriver driver, String baseUrl) {

		public static LoginPage open(WebDriver driver, String baseUrl) {
			driver.get(baseUrl + "/login");
			return new LoginPage(driver, baseUrl);
		}

		public HomePage signIn(String username, String password) {
			this.driver.findElement(By.id("username")).sendKeys(username);
			this.driver.findElement(By.id("password")).sendKeys(password);
			EnforcementPages.click(this.driver, this.driver.findElement(By.id("sign-in")));
			return new HomePage(this.driver);
		}

	}

	public record HomePage(WebDriver driver) {

		String heading() {
			return this.driver.findElement(By.tagName("h1")).getText();
		}

		String officeName() {
			return this.driver.findElement(By.id("office-name")).getText();
		}

		HomePage switchLanguage() {
			EnforcementPages.click(this.driver, this.driver.findElement(By.id("switch-language")));
			return this;
		}

		String enterprisesLinkText() {
			return this.driver.findElement(By.id("nav-enterprises")).getText();
		}

		EnterpriseListPage openEnterprises() {
			EnforcementPages.click(this.driver, this.driver.findElement(By.id("nav-enterprises")));
			return new EnterpriseListPage(this.driver);
		}

	}

	record EnterpriseListPage(WebDriver driver) {

		String resultCount() {
			return this.driver.findElement(By.id("result-count")).getText();
		}

		List<String> names() {
			return this.driver.findElements(By.cssSelector("#enterprise-table tbody td:first-child a"))
				.stream()
				.map(WebElement::getText)
				.toList();
		}

		EnterpriseListPage search(String text) {
			WebElement box = this.driver.findElement(By.id("q"));
			box.clear();
			box.sendKeys(text);
			EnforcementPages.click(this.driver, box.findElement(By.xpath("./ancestor::form//button[@type='submit']")));
			return this;
		}

		EnterpriseDetailPage open(String name) {
			EnforcementPages.click(this.driver, this.driver.findElement(By.linkText(name)));
			return new EnterpriseDetailPage(this.driver);
		}

	}

	record EnterpriseDetailPage(WebDriver driver) {

		String name() {
			return this.driver.findElement(By.id("enterprise-name")).getText();
		}

		String creditCode() {
			return this.driver.findElement(By.id("credit-code")).getText();
		}

	}

}
