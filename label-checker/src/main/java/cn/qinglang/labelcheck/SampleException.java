package cn.qinglang.labelcheck;

/**
 * Why a file, or a part of it, could not be read: ends the reading of that part, not the
 * file's report.
 */
final class SampleException extends Exception {

	private final ProblemCode code;

	SampleException(ProblemCode code, String detail) {
		super(detail, null, false, false);
		this.code = code;
	}

	static SampleException damaged(String detail) {
		return new SampleException(ProblemCode.DAMAGED, detail);
	}

	Problem problem() {
		return Problem.of(this.code, getMessage());
	}

}
