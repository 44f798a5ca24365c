package cn.qinglang.inspect.report.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;

import cn.qinglang.inspect.report.RecordDataSource;
import cn.qinglang.inspect.report.ReportDocument;
import cn.qinglang.inspect.report.ReportLine;
import cn.qinglang.inspect.report.ReportRecipe;
import cn.qinglang.inspect.security.PortalUser;

/**
 * Made-up documents for the background export tests, printed through the office document
 * template, and rows that a test can pause and hold to watch an export run.
 */
final class ExportSamples {

	private ExportSamples() {
	}

	/**
	 * A queued export's recipe that builds the given document, once, on the node of the
	 * test: {@link SampleRecipe} hands it to the worker.
	 */
	static ReportRecipe.Request sample(Supplier<ReportDocument> document) {
		String key = String.valueOf(SampleRecipe.keys.incrementAndGet());
		SampleRecipe.waiting.put(key, document);
		return new ReportRecipe.Request(SampleRecipe.NAME, Map.of("key", key));
	}

	/**
	 * The made-up documents as a recipe of the portal under test; a document is built for
	 * any user (unlike a feature's), as it stands for any report.
	 */
	static class SampleRecipe implements ReportRecipe {

		static final String NAME = "test-sample";

		static final AtomicLong keys = new AtomicLong();

		static final Map<String, Supplier<ReportDocument>> waiting = new ConcurrentHashMap<>();

		@Override
		public String name() {
			return NAME;
		}

		@Override
		public Optional<ReportDocument> document(PortalUser user, Map<String, String> parameters) {
			return Optional.ofNullable(waiting.remove(parameters.get("key"))).map(Supplier::get);
		}

	}

	static List<ReportLine> lines(int count) {
		List<ReportLine> lines = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			lines.add(ReportLine.keyValue("一、测试", "第 " + i + " 行", "内容 " + i));
		}
		return lines;
	}

	static ReportDocument document(int lines) {
		return document(RecordDataSource.of(ReportLine.class, lines(lines)));
	}

	static ReportDocument document(JRDataSource rows) {
		return new ReportDocument(ReportDocument.OFFICE_DOCUMENT, Map.of("officeName", "北京市网信办", "orderNumber",
				"测试〔2026〕1号", "enterpriseName", "测试企业", "reportDate", "2026年11月23日"), rows, "test-export", "test", "1");
	}

	/**
	 * Rows that pause before chosen rows (so that the progress interval passes) or wait
	 * there until released.
	 */
	static final class HeldRows implements JRDataSource {

		private final JRDataSource rows;

		private final Map<Integer, Long> pauses = new HashMap<>();

		private final Map<Integer, CountDownLatch> holds = new HashMap<>();

		private int read;

		HeldRows(int lines) {
			this.rows = RecordDataSource.of(ReportLine.class, lines(lines));
		}

		/** Sleeps before reading row {@code row + 1}. */
		HeldRows pauseAt(int row, long millis) {
			this.pauses.put(row, millis);
			return this;
		}

		/** Waits before reading row {@code row + 1} until released (a minute at most). */
		HeldRows holdAt(int row, CountDownLatch release) {
			this.holds.put(row, release);
			return this;
		}

		@Override
		public boolean next() throws JRException {
			try {
				if (this.pauses.containsKey(this.read)) {
					TimeUnit.MILLISECONDS.sleep(this.pauses.get(this.read));
				}
				if (this.holds.containsKey(this.read)) {
					this.holds.get(this.read).await(60, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new JRException("interrupted", ex);
			}
			this.read++;
			return this.rows.next();
		}

		@Override
		public Object getFieldValue(JRField field) throws JRException {
			return this.rows.getFieldValue(field);
		}

	}

}
