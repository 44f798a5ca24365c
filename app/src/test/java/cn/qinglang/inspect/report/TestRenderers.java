package cn.qinglang.inspect.report;

import java.time.Duration;

/**
 * A renderer as the portal configures it by default, for tests without a context.
 */
public final class TestRenderers {

	private TestRenderers() {
	}

	public static ReportRenderer renderer() {
		return new ReportRenderer(new ReportProperties(50, false, 300, 1, 10, Duration.ofDays(7),
				java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(30)));
	}

}
