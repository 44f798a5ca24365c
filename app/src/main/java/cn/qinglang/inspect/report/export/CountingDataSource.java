package cn.qinglang.inspect.report.export;

import java.util.function.LongSupplier;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;

/**
 * A report's rows, counted as the fill pulls them, telling a listener how far it got: at
 * most once per interval (so that a fast fill does not write a progress row per report
 * row) and once more when the rows run out.
 */
final class CountingDataSource implements JRDataSource {

	/** Told the rows read so far, and whether they are all read. */
	@FunctionalInterface
	interface Listener {

		void rows(long done, boolean exhausted);

	}

	private final JRDataSource rows;

	private final Listener listener;

	private final long intervalNanos;

	private final LongSupplier clock;

	private long done;

	private long lastTold;

	CountingDataSource(JRDataSource rows, Listener listener, long intervalNanos, LongSupplier clock) {
		this.rows = rows;
		this.listener = listener;
		this.intervalNanos = intervalNanos;
		this.clock = clock;
		this.lastTold = clock.getAsLong();
	}

	@Override
	public boolean next() throws JRException {
		if (!this.rows.next()) {
			this.listener.rows(this.done, true);
			return false;
		}
		this.done++;
		long now = this.clock.getAsLong();
		if (now - this.lastTold >= this.intervalNanos) {
			this.lastTold = now;
			this.listener.rows(this.done, false);
		}
		return true;
	}

	@Override
	public Object getFieldValue(JRField field) throws JRException {
		return this.rows.getFieldValue(field);
	}

}
