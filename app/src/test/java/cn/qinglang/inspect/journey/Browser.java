package cn.qinglang.inspect.journey;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium from Debian's packages, with its own driver: nothing is downloaded.
 * Without a browser the journey tests are skipped, unless QINGLANG_REQUIRE_BROWSER=true
 * (as in CI), where a missing browser fails them.
 */
public final class Browser {

	/** The window of a desktop user: the common laptop width. */
	public static final Dimension DESKTOP = new Dimension(1366, 900);

	/** The window of a phone held upright. */
	public static final Dimension PHONE = new Dimension(390, 844);

	private static final String CHROMIUM = env("CHROME_BIN", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = env("CHROMEDRIVER", "/usr/bin/chromedriver");

	private Browser() {
	}

	/**
	 * @param downloads where files the pages download are saved, without asking
	 */
	public static ChromeDriver start(Path downloads) throws IOException {
		boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
		if (!installed && Boolean.parseBoolean(System.getenv("QINGLANG_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("Chromium and its driver are required: " + CHROMIUM + ", " + CHROMEDRIVER);
		}
		assumeTrue(installed, "Chromium not installed (apt-get install chromium chromium-driver)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(), "--lang=zh-CN",
				"--user-data-dir=" + Files.createTempDirectory("qinglang-chromium"));
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "safebrowsing.enabled", false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return driver;
	}

	/** Keeps what the browser showed, for the README and for reading a failed CI run. */
	public static void screenshot(WebDriver driver, String name) throws IOException {
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
