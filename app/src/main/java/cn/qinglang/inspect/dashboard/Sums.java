package cn.qinglang.inspect.dashboard;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.HashMap;
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
		if (this.values instanceof Counts counts) {
			return counts.count(measure);
		}
		BigDecimal value = this.values.get(measure);
		return (value != null) ? value.longValue() : 0;
	}

	public BigDecimal amount(String measure) {
		return this.values.getOrDefault(measure, BigDecimal.ZERO);
	}

	/**
	 * Counts by measure, as a view of the array (not copied): for the many small sums a
	 * view by week and enterprise holds (a 12-month view scores 8,000 of them).
	 * @param measures the measures' names, in the order of {@code counts}
	 */
	static Sums ofCounts(Measures measures, long[] counts) {
		return new Sums(new Counts(measures, counts));
	}

	/** The column's values as counts, in the given order. */
	public long[] counts(List<String> measures) {
		long[] counts = new long[measures.size()];
		for (int i = 0; i < counts.length; i++) {
			counts[i] = get(measures.get(i));
		}
		return counts;
	}

	/** Measures' names and their positions in arrays of counts, for many such arrays. */
	static final class Measures {

		private final List<String> names;

		private final Map<String, Integer> positions = new HashMap<>();

		Measures(List<String> names) {
			this.names = List.copyOf(names);
			for (int i = 0; i < this.names.size(); i++) {
				this.positions.put(this.names.get(i), i);
			}
		}

	}

	/** Counts by measure name over an array, read-only. */
	private static final class Counts extends AbstractMap<String, BigDecimal> {

		private final Measures measures;

		private final long[] counts;

		Counts(Measures measures, long[] counts) {
			this.measures = measures;
			this.counts = counts;
		}

		long count(String measure) {
			Integer position = this.measures.positions.get(measure);
			return (position != null) ? this.counts[position] : 0;
		}

		@Override
		public BigDecimal get(Object measure) {
			Integer position = this.measures.positions.get(measure);
			return (position != null) ? BigDecimal.valueOf(this.counts[position]) : null;
		}

		@Override
		public boolean containsKey(Object measure) {
			return this.measures.positions.containsKey(measure);
		}

		@Override
		public Set<Entry<String, BigDecimal>> entrySet() {
			Set<Entry<String, BigDecimal>> entries = new LinkedHashSet<>();
			for (int i = 0; i < this.counts.length; i++) {
				entries.add(new SimpleImmutableEntry<>(this.measures.names.get(i), BigDecimal.valueOf(this.counts[i])));
			}
			return entries;
		}

	}

}
