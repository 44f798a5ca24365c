package cn.qinglang.inspect.system;

/**
 * A user's search text as a SQL {@code LIKE} pattern that matches it literally anywhere.
 */
public final class LikePattern {

	private LikePattern() {
	}

	public static String containing(String text) {
		return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
