package cn.qinglang.batch.feed;

import cn.qinglang.batch.records.RecordType;
import cn.qinglang.batch.records.RejectReason;

/**
 * A validated record: kept, or refused with the reason. Both travel to the writer, which
 * stores the one and explains the other in the same transaction.
 */
public sealed interface FeedItem {

	long position();

	/** The cursor after this record's page if it is the page's last, else null. */
	String pageEndCursor();

	record Accepted(long position, PlatformRecord record, String pageEndCursor) implements FeedItem {
	}

	/**
	 * @param platformId the record's id if it had one
	 * @param type its type if known
	 * @param field the first field found wrong
	 * @param reason why
	 * @param detail what exactly, in words
	 */
	record Rejected(long position, String platformId, RecordType type, String field, RejectReason reason, String detail,
			String pageEndCursor) implements FeedItem {
	}

}
