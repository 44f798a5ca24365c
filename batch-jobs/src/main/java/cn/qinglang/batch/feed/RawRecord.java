package cn.qinglang.batch.feed;

import java.util.Map;

/**
 * A record as read, before validation: its field values as text.
 *
 * @param position line of the file, or place in the pulled feed of this run, from 1
 * @param fields the values by field name
 * @param malformed why the line or object could not be read, or null
 * @param pageEndCursor on the last record of a pulled page: the cursor that follows it
 */
public record RawRecord(long position, Map<String, String> fields, String malformed, String pageEndCursor) {

	public static RawRecord malformed(long position, String why) {
		return new RawRecord(position, Map.of(), why, null);
	}

	RawRecord withPageEndCursor(String cursor) {
		return new RawRecord(this.position, this.fields, this.malformed, cursor);
	}

}
