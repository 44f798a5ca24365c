package cn.qinglang.inspect.system;

import java.util.Locale;

/**
 * Names kept in both languages: the English one when the user reads English and there is
 * one, otherwise the Chinese one, which every name has.
 */
public final class Bilingual {

	private Bilingual() {
	}

	public static boolean isEnglish(Locale locale) {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
	}

	public static String pick(Locale locale, String chinese, String english) {
		return (isEnglish(locale) && english != null && !english.isBlank()) ? english : chinese;
	}

}
