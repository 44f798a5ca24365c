package cn.qinglang.inspect.dashboard;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Summed measures of an aggregate table by column name; a measure with no rows is zero.
 */
record Sums(Map<String, BigDecimal> values) {

	public static final Sums NONE = new Sums(Map.of());

	public long get(String measure) {
		BigDecimal value = this.values.get(measure);
		return (value != null) ? value.longValue() : 0;
	}

	public BigDecimal amount(String measure) {
		return this.values.getOrDefault(measure, BigDecimal.ZERO);
	}

	/** These sums and the other's, measure by measure. */
	public Sums plus(Sums other) {
		if (other.values.isEmpty()) {
			return this;
		}
		if (this.values.isEmpty()) {
			return other;
		}
		Map<String, BigDecimal> values = new HashMap<>(this.values);
		other.values.forEach((measure, value) -> values.merge(measure, value, BigDecimal::add));
		return new Sums(values);
	}

	/** The column's values as counts, in the given order. */
	public long[] counts(List<String> measures) {
		return measures.stream().mapToLong(this::get).toArray();
	}

}
