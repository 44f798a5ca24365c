package cn.qinglang.batch.aggregate;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How long handled complaints took, counted in buckets rather than kept one by one, so
 * that a median over millions of complaints is read from a dozen sums. Bucket {@code i}
 * holds handling times above bound {@code i - 1} and up to bound {@code i}, in hours; the
 * last bucket holds everything longer than the last bound.
 */
public final class HandlingBuckets {

	/** Upper bounds in hours; also the only time limits a dashboard can be set to. */
	public static final List<Integer> BOUNDS_HOURS = List.of(1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 360, 720);

	/** Number of buckets: one per bound and one beyond the last. */
	public static final int COUNT = BOUNDS_HOURS.size() + 1;

	private static final List<String> COLUMNS = IntStream.range(0, COUNT).mapToObj((i) -> "hb" + i).toList();

	private HandlingBuckets() {
	}

	/**
	 * Column names hb0 … hb12 (one list: a dashboard asks for them thousands of times a
	 * view).
	 */
	public static List<String> columns() {
		return COLUMNS;
	}

	/**
	 * SQL for the bucket of a handling time given in seconds, NULL when there is none.
	 */
	static String bucketOf(String seconds) {
		String cases = IntStream.range(0, BOUNDS_HOURS.size())
			.mapToObj((i) -> "WHEN %s <= %d THEN %d".formatted(seconds, BOUNDS_HOURS.get(i) * 3600L, i))
			.collect(Collectors.joining(" "));
		return "CASE WHEN %s IS NULL THEN NULL %s ELSE %d END".formatted(seconds, cases, COUNT - 1);
	}

	/**
	 * The value below which the given share of the counted items lies, interpolated
	 * linearly inside its bucket (the first starts at 0 hours; the last, open-ended one
	 * is read as ending at twice its lower bound). Null when nothing was counted.
	 * @param counts one count per bucket
	 * @param quantile between 0 and 1, e.g. 0.5 for the median
	 * @return hours
	 */
	public static Double quantileHours(long[] counts, double quantile) {
		long total = 0;
		for (long count : counts) {
			total += count;
		}
		if (total == 0) {
			return null;
		}
		double rank = quantile * total;
		long below = 0;
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] > 0 && below + counts[i] >= rank) {
				double lower = (i == 0) ? 0 : BOUNDS_HOURS.get(i - 1);
				double upper = (i < BOUNDS_HOURS.size()) ? BOUNDS_HOURS.get(i) : lower * 2;
				return lower + (upper - lower) * (rank - below) / counts[i];
			}
			below += counts[i];
		}
		return (double) BOUNDS_HOURS.get(BOUNDS_HOURS.size() - 1) * 2;
	}

	/**
	 * How many were handled within a limit that is one of the bounds.
	 * @throws IllegalArgumentException if the limit is not a bound
	 */
	public static long withinHours(long[] counts, int limitHours) {
		int index = BOUNDS_HOURS.indexOf(limitHours);
		if (index < 0) {
			throw new IllegalArgumentException(
					"a handling time limit must be one of " + BOUNDS_HOURS + " hours, not " + limitHours);
		}
		long within = 0;
		for (int i = 0; i <= index; i++) {
			within += counts[i];
		}
		return within;
	}

}
