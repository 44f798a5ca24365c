package cn.qinglang.inspect.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A journey test's browser: one per test class, started before its first test and quit
 * after its last (a driver start costs seconds).
 */
public abstract class BrowserJourney {

	protected static ChromeDriver driver;

	/** Where the browser saves what it downloads, empty at the start. */
	protected static Path downloads;

	@BeforeAll
	static void startBrowser() throws Exception {
		downloads = Files.createTempDirectory("qinglang-downloads");
		driver = Browser.start(downloads);
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
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

}
