package cn.qinglang.inspect.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (the copy inside Deque's axe-core Selenium artifact, from Maven Central:
 * nothing is downloaded at run time), injected into the page and run over the WCAG 2.1 A
 * and AA rules. Only critical and serious violations are handed back: those fail a test.
 */
final class Axe {

	/** The version of the bundled axe.min.js, checked when it is loaded. */
	static final String VERSION = "4.11.1";

	private static final String SOURCE = load();

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, {
			  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			  resultTypes: ['violations']
			}).then((results) => done(results.violations
			    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
			    .flatMap((v) => v.nodes.map((n) => v.id + ' (' + v.impact + ') ' + n.target.join(' ')
			        + ': ' + (n.failureSummary || v.help).replace(/\\s+/g, ' ')))),
			  (error) => done(['axe failed: ' + error]));
			""";

	private Axe() {
	}

	/**
	 * The critical and serious violations of the page the browser shows, one line per
	 * element ("rule (impact) selector: what to fix").
	 */
	@SuppressWarnings("unchecked")
	static List<String> seriousViolations(JavascriptExecutor browser) {
		browser.executeScript("if (!window.axe) { " + SOURCE + "\n}");
		return (List<String>) browser.executeAsyncScript(RUN);
	}

	private static String load() {
		try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core)");
			}
			String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			if (!source.startsWith("/*! axe v" + VERSION)) {
				throw new IllegalStateException("Expected axe-core " + VERSION + ", found " + source.substring(0, 20));
			}
			return source;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
