package cn.qinglang.inspect.journey;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.events.EventFiringDecorator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journey test's browser: one per test class, started before its first test and quit
 * after its last (a driver start costs seconds). Every page it comes to is checked with
 * axe-core, and a test fails on any critical or serious violation of WCAG 2.1 A or AA.
 */
public abstract class BrowserJourney {

	protected static WebDriver driver;

	/** Where the browser saves what it downloads, empty at the start. */
	protected static Path downloads;

	static PageChecks pageChecks;

	private static ChromeDriver chromium;

	@BeforeAll
	static void startBrowser() throws Exception {
		downloads = Files.createTempDirectory("qinglang-downloads");
		chromium = Browser.start(downloads);
		pageChecks = new PageChecks(chromium);
		driver = new EventFiringDecorator<WebDriver>(pageChecks).decorate(chromium);
	}

	private int checkedBefore;

	@BeforeEach
	void countCheckedPages() {
		this.checkedBefore = (pageChecks != null) ? pageChecks.checked().size() : 0;
	}

	@AfterEach
	void everyPageReadable(TestInfo test) throws IOException {
		if (pageChecks != null) {
			pageChecks.checkCurrentPage();
			// a hook that never runs would pass every page
			assertThat(pageChecks.checked()).as("pages checked by axe-core").hasSizeGreaterThan(this.checkedBefore);
			List<String> violations = pageChecks.takeViolations();
			// the whole list for reading a failed run, where the assertion's message is
			// cut
			Path report = Path.of("target", "axe",
					getClass().getSimpleName() + "." + test.getTestMethod().map(Method::getName).orElse("") + ".txt");
			Files.deleteIfExists(report);
			if (!violations.isEmpty()) {
				Files.createDirectories(report.getParent());
				Files.write(report, violations);
			}
			assertThat(violations).as("axe-core %s: critical and serious violations", Axe.VERSION).isEmpty();
		}
	}

	/**
	 * The file the browser has finished downloading whose name ends so, waiting for it
	 * (Chromium writes a {@code .crdownload} file first and renames it when complete).
	 */
	protected static Path downloaded(String suffix) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			try (Stream<Path> files = Files.list(downloads)) {
				Optional<Path> done = files.filter((file) -> file.getFileName().toString().endsWith(suffix))
					.findFirst();
				if (done.isPresent()) {
					return done.get();
				}
			}
			Thread.sleep(200);
		}
		throw new AssertionError("Nothing ending with " + suffix + " was downloaded into " + downloads);
	}

	@AfterAll
	static void stopBrowser() {
		if (chromium != null) {
			chromium.quit();
			chromium = null;
			driver = null;
			pageChecks = null;
		}
	}

}
