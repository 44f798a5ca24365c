package cn.qinglang.labelcheck;

/**
 * One thing found wrong with a file.
 *
 * @param code what
 * @param detail where or which, in plain ASCII words (a location, a key, a value)
 */
public record Problem(ProblemCode code, String detail) {

	public static Problem of(ProblemCode code, String detail) {
		return new Problem(code, (detail != null) ? Printable.clip(detail, 300) : null);
	}

}
