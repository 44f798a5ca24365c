package cn.qinglang.inspect.dashboard;

import java.util.Locale;
import java.util.Set;

/**
 * One KPI tile: its value in the period and in the previous period of equal length.
 *
 * @param code names the tile's label, {@code dashboard.kpi.<code>}
 * @param unit how the value reads
 * @param value null when there is no data
 * @param previous null when there was no data
 * @param drill the list behind the number (a path and query), or null
 */
record Kpi(String code, Unit unit, Double value, Double previous, String drill) {

	/** How a KPI's value reads, and how its change is told. */
	public enum Unit {

		/** A share from 0 to 1, shown in percent; changes in percentage points. */
		RATE,
		/** A count; changes in percent of the previous count. */
		COUNT,
		/** Hours; changes in percent. */
		HOURS,
		/** Yuan; changes in percent. */
		MONEY

	}

	/** KPIs for which a rise is a worsening. */
	private static final Set<String> LOWER_IS_BETTER = Set.of("detectedShare", "appealsUpheldRate", "tampering",
			"medianHandling", "p90Handling", "ordersOverdue");

	/**
	 * The value as shown: rates in percent, counts with separators; a dash for no data.
	 */
	public String formatted() {
		return format(this.value);
	}

	public String formattedPrevious() {
		return format(this.previous);
	}

	/** The change with its sign, one decimal; empty when there is none. */
	public String formattedChange() {
		Double change = change();
		return (change != null) ? String.format(Locale.ROOT, "%+.1f", change) : "";
	}

	/**
	 * Whether the change is an improvement (true), a worsening (false), or neither (null:
	 * no change or no data).
	 */
	public Boolean improved() {
		Double change = change();
		if (change == null || Math.abs(change) < 0.05) {
			return null;
		}
		return (change > 0) != LOWER_IS_BETTER.contains(this.code);
	}

	private String format(Double number) {
		if (number == null) {
			return "—";
		}
		return switch (this.unit) {
			case RATE -> String.format(Locale.ROOT, "%.1f%%", number * 100);
			case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(number));
			case HOURS -> String.format(Locale.ROOT, "%.1f", number);
			case MONEY -> String.format(Locale.ROOT, "%,.2f", number);
		};
	}

	/**
	 * The change against the previous period: percentage points for a rate, percent
	 * otherwise; null when either side has no data or the previous count was zero.
	 */
	public Double change() {
		if (this.value == null || this.previous == null) {
			return null;
		}
		if (this.unit == Unit.RATE) {
			return (this.value - this.previous) * 100;
		}
		return (this.previous == 0) ? null : (this.value - this.previous) / this.previous * 100;
	}

}
