package cn.qinglang.inspect.catalog;

import java.time.Instant;
import java.util.Locale;

import cn.qinglang.inspect.system.Bilingual;

/**
 * A typical issue.
 *
 * @param appliesTo GENERATION_PROVIDER, DISSEMINATION_PLATFORM or ANY
 */
public record CatalogItem(long id, String code, String titleZh, String titleEn, String legalBasis, String appliesTo,
		Severity defaultSeverity, Instant retiredAt) {

	public String title(Locale locale) {
		return Bilingual.pick(locale, this.titleZh, this.titleEn);
	}

	public boolean retired() {
		return this.retiredAt != null;
	}

}
