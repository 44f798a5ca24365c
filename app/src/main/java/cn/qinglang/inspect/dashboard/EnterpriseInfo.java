package cn.qinglang.inspect.dashboard;

import java.util.Locale;

import cn.qinglang.inspect.enterprise.EnterpriseKind;
import cn.qinglang.inspect.system.Bilingual;

/** An enterprise as the dashboards name and place it. */
record EnterpriseInfo(long id, String code, String nameZh, String nameEn, EnterpriseKind kind, String jurisdictionCode,
		String jurisdictionZh, String jurisdictionEn) {

	public String name(Locale locale) {
		return Bilingual.pick(locale, this.nameZh, this.nameEn);
	}

	public String jurisdiction(Locale locale) {
		return Bilingual.pick(locale, this.jurisdictionZh, this.jurisdictionEn);
	}

}
