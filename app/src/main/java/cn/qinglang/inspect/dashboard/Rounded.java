package cn.qinglang.inspect.dashboard;

/**
 * Figures as charts and exports show them: one decimal, rates in percent; null stays null
 * (no data).
 */
final class Rounded {

	private Rounded() {
	}

	/** A share from 0 to 1 in percent, one decimal. */
	static Double percent(Double rate) {
		return (rate != null) ? Math.round(rate * 1000) / 10.0 : null;
	}

	static Double oneDecimal(Double value) {
		return (value != null) ? Math.round(value * 10) / 10.0 : null;
	}

}
