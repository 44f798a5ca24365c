package cn.qinglang.labelcheck;

/**
 * What a spot check concludes about one file.
 */
public enum Verdict {

	/** An implicit label was found in a standard place, with nothing wrong in it. */
	COMPLIANT,

	/** Something the Measures or GB 45438-2025 require is missing or wrong. */
	NON_COMPLIANT,

	/** The file could not be read far enough to say (damaged, unsupported, too large). */
	CANNOT_TELL

}
