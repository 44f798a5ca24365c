package cn.qinglang.inspect.enterprise;

import java.util.Locale;

/**
 * The 18-character unified social credit code of GB 32100-2015. Its last character is a
 * check character over the first seventeen: weights 3^(i-1) mod 31, characters from a
 * 31-symbol alphabet without I, O, S, V and Z.
 */
final class CreditCode {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	/** Upper case without surrounding blanks, as codes are stored. */
	public static String normalize(String code) {
		return (code != null) ? code.strip().toUpperCase(Locale.ROOT) : null;
	}

	public static boolean isValid(String code) {
		String normalized = normalize(code);
		if (normalized == null || normalized.length() != 18) {
			return false;
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(normalized.charAt(i)) < 0) {
				return false;
			}
		}
		return normalized.charAt(17) == checkCharacter(normalized.substring(0, 17));
	}

	/** The check character for the first seventeen characters of a code. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = ALPHABET.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not a credit code character");
			}
			sum += value * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

}
