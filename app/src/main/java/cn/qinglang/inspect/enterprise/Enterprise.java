package cn.qinglang.inspect.enterprise;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cn.qinglang.inspect.jurisdiction.Jurisdiction;
import cn.qinglang.inspect.system.Bilingual;

public record Enterprise(long id, String code, String nameZh, String nameEn, String creditCode, EnterpriseKind kind,
		String algorithmFilingNo, Jurisdiction jurisdiction, EnterpriseStatus status, Instant createdAt,
		Instant updatedAt) {

	public String name(Locale locale) {
		return Bilingual.pick(locale, this.nameZh, this.nameEn);
	}

	/** What the audit log keeps as before and after of a change. */
	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("code", this.code);
		state.put("nameZh", this.nameZh);
		state.put("nameEn", this.nameEn);
		state.put("creditCode", this.creditCode);
		state.put("kind", this.kind);
		state.put("algorithmFilingNo", this.algorithmFilingNo);
		state.put("jurisdiction", this.jurisdiction.code());
		state.put("status", this.status);
		return state;
	}

}
