package cn.qinglang.labelcheck;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The name under which Annex E puts the label in every place it names: {@code AIGC},
 * exactly. A name that reads as AIGC to a person but is another string (other case,
 * fullwidth letters, Cyrillic or Greek look-alikes, characters added) is a wrong key
 * name: a reader of the standard's place does not find the label under it.
 */
final class KeyName {

	static final String AIGC = "AIGC";

	private KeyName() {
	}

	static boolean isAigc(String name) {
		return AIGC.equals(name);
	}

	/** Another name that a person would read as AIGC, or one that holds it. */
	static boolean looksLikeAigc(String name) {
		return name != null && !isAigc(name) && skeleton(name).contains(AIGC);
	}

	/**
	 * The name as a person reads it: compatibility forms folded (fullwidth letters),
	 * Cyrillic and Greek letters that look like Latin ones replaced by them, upper case.
	 */
	static String skeleton(String name) {
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(folded.length());
		for (int i = 0; i < folded.length(); i++) {
			out.append(latinLookAlike(folded.charAt(i)));
		}
		return out.toString().toUpperCase(Locale.ROOT);
	}

	/** The name for a report: ASCII kept, every other character as {@code \\uXXXX}. */
	static String shown(String name) {
		StringBuilder out = new StringBuilder(name.length() + 8);
		for (int i = 0; i < name.length() && out.length() < 200; i++) {
			char c = name.charAt(i);
			if (c >= 0x20 && c <= 0x7E) {
				out.append(c);
			}
			else {
				out.append(String.format("\\u%04X", (int) c));
			}
		}
		return out.toString();
	}

	private static char latinLookAlike(char c) {
		return switch (c) {
			// Cyrillic
			case '\u0410', '\u0430' -> 'A';
			case '\u0406', '\u0456', '\u04C0', '\u04CF' -> 'I';
			case '\u0421', '\u0441' -> 'C';
			case '\u050C', '\u050D' -> 'G';
			// Greek
			case '\u0391', '\u03B1' -> 'A';
			case '\u0399', '\u03B9' -> 'I';
			case '\u03F9', '\u03F2' -> 'C';
			// Latin letters that read as I
			case '\u0131', '\u0130', 'l', '|' -> 'I';
			default -> c;
		};
	}

}
