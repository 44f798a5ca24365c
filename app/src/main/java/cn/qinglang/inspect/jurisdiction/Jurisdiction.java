package cn.qinglang.inspect.jurisdiction;

import java.util.Locale;

import cn.qinglang.inspect.system.Bilingual;

/**
 * A node of the tree.
 *
 * @param code GB/T 2260 division code ({@code 000000} for the national office)
 * @param path the codes from the root, e.g. {@code /000000/110000/110108/}
 */
public record Jurisdiction(String code, String parentCode, String level, String nameZh, String nameEn,
		String officeNameZh, String officeNameEn, String docPrefix, String path) {

	public String name(Locale locale) {
		return Bilingual.pick(locale, this.nameZh, this.nameEn);
	}

	public String officeName(Locale locale) {
		return Bilingual.pick(locale, this.officeNameZh, this.officeNameEn);
	}

	/** Depth below the national root, for indenting the tree in a select. */
	public int depth() {
		return (int) this.path.chars().filter((c) -> c == '/').count() - 2;
	}

}
