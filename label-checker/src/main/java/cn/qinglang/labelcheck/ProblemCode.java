package cn.qinglang.labelcheck;

/**
 * Everything the checker reports about a file. A {@link Kind#DEFECT} makes the file
 * non-compliant and names the typical issue of the catalog a finding would cite; an
 * {@link Kind#UNREADABLE} leaves the verdict open; a {@link Kind#NOTE} is for the
 * inspector's information only.
 */
public enum ProblemCode {

	/** No implicit label anywhere in the file's metadata. */
	IMPLICIT_LABEL_MISSING(Kind.DEFECT, "GEN-03", "No implicit label in the file's metadata"),

	/** The label's value is not a JSON object. */
	LABEL_NOT_JSON(Kind.DEFECT, "GEN-04", "The label's value is not a JSON object"),

	/** A required key (Label, ContentProducer, ProduceID) is absent. */
	LABEL_KEY_MISSING(Kind.DEFECT, "GEN-04",
			"A required key of the label (Label, ContentProducer, ProduceID) is missing"),

	/**
	 * Label JSON under another property name than {@code AIGC} in the TC260 XMP namespace
	 * (a look-alike or misspelt name): only {@code AIGC} is the label there.
	 */
	LABEL_KEY_NAME_WRONG(Kind.DEFECT, "GEN-04",
			"The label is stored under another name than AIGC in the place the standard names"),

	/** {@code Label} is not one of "1", "2", "3", or a value is not a string. */
	LABEL_VALUE_INVALID(Kind.DEFECT, "GEN-04", "Label is not \"1\", \"2\" or \"3\", or a value is not a string"),

	/** {@code ContentProducer} is empty: the provider is not named. */
	PRODUCER_EMPTY(Kind.DEFECT, "GEN-03", "ContentProducer is empty: the provider is not named"),

	/** {@code ProduceID} is empty: the content has no number. */
	PRODUCE_ID_EMPTY(Kind.DEFECT, "GEN-03", "ProduceID is empty: the content has no number"),

	/**
	 * {@code ContentPropagator} or {@code PropagateID} missing on a file that passed
	 * through a dissemination platform, or only one of the two filled.
	 */
	PROPAGATOR_MISSING(Kind.DEFECT, "PLT-03",
			"ContentPropagator or PropagateID missing where a dissemination platform must write them"),

	/** A value holds characters outside printable ASCII (non-ASCII or control). */
	VALUE_NOT_PRINTABLE_ASCII(Kind.DEFECT, "GEN-04", "A value holds characters outside printable ASCII"),

	/** The label sits only in a place the standard does not name for this format. */
	NON_STANDARD_PLACE(Kind.DEFECT, "GEN-04",
			"The label sits only in a place the standard does not name for this format"),

	/** Two places of the same file carry different labels. */
	LABELS_DISAGREE(Kind.DEFECT, "GEN-04", "Two places of the file carry different labels"),

	/** A text sample shows no explicit label at its start, end or middle. */
	EXPLICIT_LABEL_MISSING(Kind.DEFECT, "GEN-01", "A text sample shows no explicit label at its start, end or middle"),

	/** The content is of a type the checker does not read. */
	UNSUPPORTED_TYPE(Kind.UNREADABLE, null, "The content is of a type the checker does not read"),

	/** Truncated or corrupted: the structure breaks off or contradicts itself. */
	DAMAGED(Kind.UNREADABLE, null, "Truncated or corrupted: the structure breaks off or contradicts itself"),

	/** The file is larger than the checker accepts. */
	TOO_LARGE(Kind.UNREADABLE, null, "The file is larger than the checker accepts"),

	/** A metadata block is larger than the checker reads; it was skipped. */
	METADATA_TOO_LARGE(Kind.UNREADABLE, null, "A metadata block is larger than the checker reads; it was skipped"),

	/** An XMP packet nests deeper than the checker reads; it was skipped. */
	METADATA_TOO_DEEP(Kind.UNREADABLE, null, "An XMP packet nests deeper than the checker reads; it was skipped"),

	/** The file is empty. */
	EMPTY_FILE(Kind.UNREADABLE, null, "The file is empty"),

	/** An archive entry whose name leaves its folder or hides control characters. */
	UNSAFE_NAME(Kind.UNREADABLE, null, "An archive entry whose name leaves its folder or hides control characters"),

	/** The document is encrypted and its metadata cannot be read. */
	ENCRYPTED(Kind.UNREADABLE, null, "The document is encrypted and its metadata cannot be read"),

	/** The batch's limits were reached before this file. */
	NOT_CHECKED(Kind.UNREADABLE, null, "The batch's limits were reached before this file"),

	/**
	 * The label sits in a place that Annex E neither names nor rules out for the format
	 * (an {@code AIGC} entry of a WAV's {@code LIST/INFO} chunk): read as the label, with
	 * this note saying so.
	 */
	PLACE_LEFT_OPEN(Kind.NOTE, null,
			"Annex E leaves this place open: the label was read there, the standard's own place is named in the detail"),

	/** The file's extension names another type than its content. */
	EXTENSION_MISMATCH(Kind.NOTE, null, "The file's extension names another type than its content");

	private final Kind kind;

	private final String catalogCode;

	private final String summary;

	ProblemCode(Kind kind, String catalogCode, String summary) {
		this.kind = kind;
		this.catalogCode = catalogCode;
		this.summary = summary;
	}

	/** One line in English for machine reports (SARIF rules, JUnit messages). */
	public String summary() {
		return this.summary;
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
