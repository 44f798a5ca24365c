package cn.qinglang.batch.feed;

import java.util.Locale;
import java.util.Map;

import cn.qinglang.batch.records.RejectReason;

/**
 * A record as read, before validation: its field values as text.
 *
 * @param position line of the file, or place in the pulled feed of this run, from 1
 * @param fields the values by field name
 * @param refusal why the reader already refuses it (unreadable, a duplicate), or null
 * @param detail what exactly the reader found wrong, or null
 * @param pageEndCursor on the last record of a pulled page: the cursor that follows it
 */
public record RawRecord(long position, Map<String, String> fields, RejectReason refusal, String detail,
		String pageEndCursor) {

	/** The longest id of the interface. */
	static final int MAX_ID_LENGTH = 64;

	/** A line or object that could not be read as a record at all. */
	public static RawRecord malformed(long position, String why) {
		return new RawRecord(position, Map.of(), RejectReason.MALFORMED, why, null);
	}

	/** A record the reader refuses before validation; its fields name it on the page. */
	public static RawRecord refused(long position, Map<String, String> fields, RejectReason reason, String why) {
		return new RawRecord(position, fields, reason, why, null);
	}

	/** A record as read, for validation. */
	public static RawRecord of(long position, Map<String, String> fields) {
		return new RawRecord(position, fields, null, null, null);
	}

	/**
	 * What makes two records the same one, the way the database's unique key (enterprise,
	 * id; case-insensitive) sees them: type and id as the validator reads them
	 * (stripped), the id in lower case; null for a refused record or one without a usable
	 * id.
	 */
	String identity() {
		if (this.refusal != null) {
			return null;
		}
		String id = this.fields.get("id");
		String type = this.fields.get("type");
		if (id == null || id.isBlank() || id.strip().length() > MAX_ID_LENGTH || type == null) {
			return null;
		}
		return type.strip() + '\n' + id.strip().toLowerCase(Locale.ROOT);
	}

	RawRecord withPageEndCursor(String cursor) {
		return new RawRecord(this.position, this.fields, this.refusal, this.detail, cursor);
	}

}
