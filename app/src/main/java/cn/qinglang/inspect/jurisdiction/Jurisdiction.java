package cn.qinglang.inspect.jurisdiction;

import java.util.Locale;

/**
 * A node of the tree.
 *
 * @param code GB/T 2260 division code ({@code 000000} for the national office)
 * @param path the codes from the root, e.g. {@code /000000/110000/110108/}
 */
public record Jurisdiction(String code, String parentCode, String level, String nameZh, String nameEn,
		String officeNameZh, String officeNameEn, String docPrefix, String path) {

	public String name(Locale locale) {
		return isEnglish(locale) ? this.nameEn : this.nameZh;
	}

	public String officeName(Locale locale) {
		return isEnglish(locale) ? this.officeNameEn : this.officeNameZh;
	}

	/** Depth below the national root, for indenting the tree in a select. */
	public int depth() {
		return (int) this.path.chars().filter((c) -> c == '/').count() - 2;
	}

	private static boolean isEnglish(Locale locale) {
		return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
	}

}
