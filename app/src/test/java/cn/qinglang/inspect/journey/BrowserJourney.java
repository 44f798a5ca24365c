package cn.qinglang.inspect.journey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A journey test's browser: one per test class, started before its first test and quit
 * after its last (a driver start costs seconds).
 */
public abstract class BrowserJourney {

	protected static ChromeDriver driver;

	@BeforeAll
	static void startBrowser() throws Exception {
		driver = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

}
