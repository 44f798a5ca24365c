package cn.qinglang.inspect.labelcheck.checker;

/**
 * Everything the checker reports about a file. A {@link Kind#DEFECT} makes the file
 * non-compliant and names the typical issue of the catalog a finding would cite; an
 * {@link Kind#UNREADABLE} leaves the verdict open; a {@link Kind#NOTE} is for the
 * inspector's information only.
 */
public enum ProblemCode {

	/** No implicit label anywhere in the file's metadata. */
	IMPLICIT_LABEL_MISSING(Kind.DEFECT, "GEN-03"),

	/** The label's value is not a JSON object. */
	LABEL_NOT_JSON(Kind.DEFECT, "GEN-04"),

	/** A required key (Label, ContentProducer, ProduceID) is absent. */
	LABEL_KEY_MISSING(Kind.DEFECT, "GEN-04"),

	/** {@code Label} is not one of "1", "2", "3", or a value is not a string. */
	LABEL_VALUE_INVALID(Kind.DEFECT, "GEN-04"),

	/** {@code ContentProducer} is empty: the provider is not named. */
	PRODUCER_EMPTY(Kind.DEFECT, "GEN-03"),

	/** {@code ProduceID} is empty: the content has no number. */
	PRODUCE_ID_EMPTY(Kind.DEFECT, "GEN-03"),

	/**
	 * {@code ContentPropagator} or {@code PropagateID} missing on a file that passed
	 * through a dissemination platform, or only one of the two filled.
	 */
	PROPAGATOR_MISSING(Kind.DEFECT, "PLT-03"),

	/** A value holds characters outside printable ASCII (non-ASCII or control). */
	VALUE_NOT_PRINTABLE_ASCII(Kind.DEFECT, "GEN-04"),

	/** The label sits only in a place the standard does not name for this format. */
	NON_STANDARD_PLACE(Kind.DEFECT, "GEN-04"),

	/** Two places of the same file carry different labels. */
	LABELS_DISAGREE(Kind.DEFECT, "GEN-04"),

	/** A text sample shows no explicit label at its start, end or middle. */
	EXPLICIT_LABEL_MISSING(Kind.DEFECT, "GEN-01"),

	/** The content is of a type the checker does not read. */
	UNSUPPORTED_TYPE(Kind.UNREADABLE, null),

	/** Truncated or corrupted: the structure breaks off or contradicts itself. */
	DAMAGED(Kind.UNREADABLE, null),

	/** The file is larger than the checker accepts. */
	TOO_LARGE(Kind.UNREADABLE, null),

	/** A metadata block is larger than the checker reads; it was skipped. */
	METADATA_TOO_LARGE(Kind.UNREADABLE, null),

	/** An XMP packet nests deeper than the checker reads; it was skipped. */
	METADATA_TOO_DEEP(Kind.UNREADABLE, null),

	/** The file is empty. */
	EMPTY_FILE(Kind.UNREADABLE, null),

	/** An archive entry whose name leaves its folder or hides control characters. */
	UNSAFE_NAME(Kind.UNREADABLE, null),

	/** The document is encrypted and its metadata cannot be read. */
	ENCRYPTED(Kind.UNREADABLE, null),

	/** The batch's limits were reached before this file. */
	NOT_CHECKED(Kind.UNREADABLE, null),

	/** The file's extension names another type than its content. */
	EXTENSION_MISMATCH(Kind.NOTE, null);

	private final Kind kind;

	private final String catalogCode;

	ProblemCode(Kind kind, String catalogCode) {
		this.kind = kind;
		this.catalogCode = catalogCode;
	}

	public Kind kind() {
		return this.kind;
	}

	/** Code of the catalog's typical issue that a finding on this defect cites. */
	public String catalogCode() {
		return this.catalogCode;
	}

	public enum Kind {

		DEFECT, UNREADABLE, NOTE

	}

}
