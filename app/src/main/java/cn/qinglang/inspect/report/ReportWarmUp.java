package cn.qinglang.inspect.report;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import net.sf.jasperreports.engine.JRException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.qinglang.inspect.system.WarmUp;

import cn.qinglang.reports.charts.LineChart;
import cn.qinglang.reports.charts.Series;

/**
 * Renders a small office document (a table row and a chart) once the portal has started,
 * on a background thread: loading the report engine, its template and the CJK font costs
 * one to two seconds, which the first export after a start would otherwise pay.
 */
@Component
@Order(2)
class ReportWarmUp implements WarmUp {

	private static final Logger log = LoggerFactory.getLogger(ReportWarmUp.class);

	private final ReportRenderer renderer;

	private final ReportProperties properties;

	ReportWarmUp(ReportRenderer renderer, ReportProperties properties) {
		this.renderer = renderer;
		this.properties = properties;
	}

	@Override
	public boolean enabled() {
		return this.properties.warmUp();
	}

	@Override
	public void run() {
		warmUp();
	}

	/**
	 * @return the PDF's size in bytes, or -1 when the engine failed (logged)
	 */
	long warmUp() {
		long start = System.nanoTime();
		CountingStream out = new CountingStream();
		List<ReportLine> lines = List.of(
				ReportLine.row("一", ReportLine.Table.GRID, List.of("指标", "本期"), List.of("显式标识率", "90.0%")),
				ReportLine.chart("一", "趋势", new LineChart(List.of("2026-05-18", "2026-05-25"),
						List.of(new Series("显式标识率", List.of(80.0, 90.0))), 0, null)));
		try {
			this.renderer.render(
					new ReportDocument(ReportDocument.OFFICE_DOCUMENT, Map.of(),
							RecordDataSource.of(ReportLine.class, lines), "warm-up", "none", "0"),
					ReportFormat.PDF, new Watermark("warm-up", "-"), out);
			log.info("Report engine ready ({} ms)", (System.nanoTime() - start) / 1_000_000);
			return out.count;
		}
		catch (JRException | RuntimeException ex) {
			// not fatal: the first export will load the engine itself, and fail there if
			// it must
			log.warn("Report engine warm-up failed", ex);
			return -1;
		}
	}

	/** Counts the bytes written and keeps none. */
	private static final class CountingStream extends OutputStream {

		private long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			this.count += length;
		}

	}

}
