package cn.qinglang.inspect.dashboard;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	/**
	 * Counts by measure, as a view of the array (not copied): for the many small sums a
	 * view by week and enterprise holds.
	 * @param measures the measures' names, in the order of {@code counts}
	 */
	static Sums ofCounts(List<String> measures, long[] counts) {
		return new Sums(new Counts(measures, counts));
	}

	/** The column's values as counts, in the given order. */
	public long[] counts(List<String> measures) {
		return measures.stream().mapToLong(this::get).toArray();
	}

	/** Counts by measure name over an array, read-only. */
	private static final class Counts extends AbstractMap<String, BigDecimal> {

		private final List<String> measures;

		private final long[] counts;

		Counts(List<String> measures, long[] counts) {
			this.measures = measures;
			this.counts = counts;
		}

		@Override
		public BigDecimal get(Object measure) {
			int index = this.measures.indexOf(measure);
			return (index >= 0) ? BigDecimal.valueOf(this.counts[index]) : null;
		}

		@Override
		public boolean containsKey(Object measure) {
			return this.measures.contains(measure);
		}

		@Override
		public Set<Entry<String, BigDecimal>> entrySet() {
			Set<Entry<String, BigDecimal>> entries = new LinkedHashSet<>();
			for (int i = 0; i < this.counts.length; i++) {
				entries.add(new SimpleImmutableEntry<>(this.measures.get(i), BigDecimal.valueOf(this.counts[i])));
			}
			return entries;
		}

	}

}
