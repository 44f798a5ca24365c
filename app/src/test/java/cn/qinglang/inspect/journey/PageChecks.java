package cn.qinglang.inspect.journey;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.events.WebDriverListener;

/**
 * Runs axe-core over every page the browser comes to, whatever brought it there (a typed
 * address, a link, a form, the back button): before each call of the test into the
 * browser, a page not yet checked is checked first. A page is marked by a property of its
 * window, so a page is checked once however often the test touches it. Selenium ignores
 * what a listener throws, so violations are kept and asserted after each test. Public,
 * because the decorator calls it by reflection from its own package.
 */
public final class PageChecks implements WebDriverListener {

	private static final Set<String> UNCHECKED_CALLS = Set.of("quit", "close", "manage", "switchTo", "getWindowHandle",
			"getWindowHandles");

	private static final String MARK = """
			if (document.contentType !== 'text/html' || location.protocol === 'about:'
			    || location.protocol === 'data:' || window.__qinglangChecked) { return false; }
			window.__qinglangChecked = true;
			return true;
			""";

	private final JavascriptExecutor browser;

	private final List<String> checked = new ArrayList<>();

	private final List<String> violations = new ArrayList<>();

	private Duration axeTime = Duration.ZERO;

	/**
	 * @param browser the undecorated driver, so that the checks' own calls are not
	 * listened to
	 */
	PageChecks(JavascriptExecutor browser) {
		this.browser = browser;
	}

	@Override
	public void beforeAnyWebDriverCall(WebDriver driver, Method method, Object[] args) {
		if (!UNCHECKED_CALLS.contains(method.getName())) {
			checkCurrentPage();
		}
	}

	@Override
	public void afterGet(WebDriver driver, String url) {
		checkCurrentPage();
	}

	/** Checks the page the browser shows unless it was checked already. */
	void checkCurrentPage() {
		try {
			if (!Boolean.TRUE.equals(this.browser.executeScript(MARK))) {
				return;
			}
		}
		catch (UnhandledAlertException ex) {
			return; // a confirm() dialog is open; the page is checked once it closes
		}
		String page = (String) this.browser.executeScript("return location.pathname + location.search;");
		this.checked.add(page);
		long start = System.nanoTime();
		try {
			Axe.seriousViolations(this.browser).forEach((violation) -> this.violations.add(page + " " + violation));
		}
		catch (WebDriverException ex) {
			if (!Boolean.TRUE.equals(this.browser.executeScript("return window.__qinglangChecked === true;"))) {
				// the page went on to another (a form, a reload) while axe ran: that one
				// is
				// checked at the next call
				this.checked.remove(this.checked.size() - 1);
				return;
			}
			// Selenium would only log it: a page that could not be checked fails the test
			// too
			this.violations.add(page + " axe-core could not run: " + ex.getMessage());
		}
		this.axeTime = this.axeTime.plusNanos(System.nanoTime() - start);
	}

	/** The time spent in axe-core so far. */
	Duration axeTime() {
		return this.axeTime;
	}

	/** The pages checked so far (path and query), in order. */
	List<String> checked() {
		return List.copyOf(this.checked);
	}

	/**
	 * The critical and serious violations found since the last call, then forgets them.
	 */
	List<String> takeViolations() {
		List<String> found = List.copyOf(this.violations);
		this.violations.clear();
		return found;
	}

}
