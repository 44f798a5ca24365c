package cn.qinglang.inspect.feed;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How current an enterprise's data is: the last successful run ("data as of"), and
 * whether the feed has gone silent or its latest day's volume fell far below its own
 * recent norm.
 *
 * @param dataAsOf end of the last successful run, or null if none
 * @param silent no successful run within the allowed silence
 * @param lastDay the latest day with records
 * @param received records of that day
 * @param expected the daily norm before it (average), or null without history
 * @param volumeDrop received far below expected
 */
record Freshness(Instant dataAsOf, boolean silent, LocalDate lastDay, long received, Long expected,
		boolean volumeDrop) {

	public boolean flagged() {
		return this.silent || this.volumeDrop;
	}

}
