package cn.qinglang.batch.records;

/**
 * Why a record was refused; the portal shows each with its own text, the stored detail
 * says what exactly was wrong.
 */
public enum RejectReason {

	/** The line or object could not be read at all. */
	MALFORMED,
	/**
	 * The line is not valid text in the file's encoding (UTF-8 or GB18030): a byte that
	 * no character starts or continues with.
	 */
	ENCODING,
	/**
	 * The same type and id again later in the same file: the file's last line of an id is
	 * the one kept, the earlier ones are listed with this reason.
	 */
	DUPLICATE_ID,
	/** The type is not one of the interface's record types. */
	UNKNOWN_TYPE,
	/** A required field is missing or empty. */
	REQUIRED,
	/** Text longer than the field allows. */
	TOO_LONG,
	/** Not of the field's type (whole number, amount, date, time with offset, id). */
	WRONG_TYPE,
	/** Not one of the field's allowed values. */
	NOT_ALLOWED,
	/**
	 * A count or amount below zero or above the interface's maximum, or a count of zero
	 * where one is needed.
	 */
	OUT_OF_RANGE,
	/** A date or time after the moment the record was received. */
	IN_FUTURE,
	/** A sub-count above its total, or more appeals upheld than filed. */
	ABOVE_TOTAL,
	/** Handled before it was received. */
	HANDLED_BEFORE_RECEIVED,
	/**
	 * Fields that contradict each other (a fine without amount, a regulator removing
	 * content).
	 */
	INCONSISTENT,
	/** The record names another enterprise than the feed's own. */
	OTHER_ENTERPRISE

}
