package cn.qinglang.inspect.report.export;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import net.sf.jasperreports.engine.JRException;
import org.junit.jupiter.api.Test;

import cn.qinglang.inspect.report.RecordDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress of a fill: told at most once per interval however fast the rows come, and
 * once more when they run out; the fill's share of the percentage never reached before
 * the end, even when the estimate was short.
 */
class CountingDataSourceTests {

	record Row(int n) {
	}

	@Test
	void tellsTheRowsReadAtMostOncePerIntervalAndWhenTheyRunOut() throws JRException {
		AtomicLong clock = new AtomicLong();
		List<String> told = new ArrayList<>();
		CountingDataSource rows = new CountingDataSource(
				RecordDataSource.of(Row.class, List.of(new Row(1), new Row(2), new Row(3), new Row(4), new Row(5))),
				(done, exhausted) -> told.add(done + (exhausted ? " end" : "")), 100, clock::get);

		assertThat(rows.next()).isTrue();
		clock.addAndGet(60);
		assertThat(rows.next()).isTrue();
		clock.addAndGet(60);
		assertThat(rows.next()).isTrue();
		assertThat(rows.next()).isTrue();
		clock.addAndGet(100);
		assertThat(rows.next()).isTrue();
		assertThat(rows.next()).isFalse();

		assertThat(told).containsExactly("3", "5", "5 end");
	}

	@Test
	void fillingTakesNinetyPercentAndAShortEstimateStopsBelowIt() {
		assertThat(BackgroundExports.fillPercent(0, 400)).isZero();
		assertThat(BackgroundExports.fillPercent(200, 400)).isEqualTo(45);
		assertThat(BackgroundExports.fillPercent(400, 400)).isEqualTo(89);
		assertThat(BackgroundExports.fillPercent(5000, 400)).isEqualTo(89);
		assertThat(BackgroundExports.fillPercent(10, 0)).isZero();
	}

}
