package cn.qinglang.inspect.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWarmUpTests {

	@Test
	void warmUpRendersASmallPdfWithATableAndAChart() {
		ReportWarmUp warmUp = new ReportWarmUp(TestRenderers.renderer(), new ReportProperties(50, true, 300, 1, 10,
				java.time.Duration.ofDays(7), java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(30)));

		// a page of the template with its embedded font subset is some kilobytes
		assertThat(warmUp.warmUp()).isGreaterThan(5_000);
	}

}
