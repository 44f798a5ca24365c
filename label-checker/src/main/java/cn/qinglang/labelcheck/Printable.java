package cn.qinglang.labelcheck;

/**
 * Text from a sample is shown to people and written to terminals: control characters are
 * made visible, never passed on.
 */
public final class Printable {

	private Printable() {
	}

	/** Whether every character is printable ASCII (0x20 to 0x7E). */
	public static boolean isPrintableAscii(String value) {
		return value.chars().allMatch((c) -> c >= 0x20 && c <= 0x7E);
	}

	/**
	 * The value with control and line-separating characters written as {@code \\uXXXX},
	 * cut to {@code max} characters.
	 */
	public static String clip(String value, int max) {
		StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 8);
		for (int i = 0; i < value.length() && out.length() < max; i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u200e' || c == '\u200f'
					|| (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		if (out.length() >= max && value.length() > max) {
			out.append('…');
		}
		return out.toString();
	}

}
