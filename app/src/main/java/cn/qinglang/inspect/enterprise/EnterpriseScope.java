package cn.qinglang.inspect.enterprise;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.qinglang.inspect.security.PortalUser;

/**
 * Which enterprises a user may see: everything (ADMIN), a jurisdiction and below
 * (INSPECTOR, EXECUTIVE), one enterprise (PLATFORM), or none (AUDITOR).
 *
 * @param jurisdictionPath path prefix to match, or null for any
 * @param enterpriseId the only enterprise, or null for any
 * @param none matches nothing
 */
public record EnterpriseScope(String jurisdictionPath, Long enterpriseId, boolean none) {

	public static EnterpriseScope of(PortalUser user) {
		return switch (user.role()) {
			case ADMIN -> new EnterpriseScope(null, null, false);
			case INSPECTOR, EXECUTIVE -> new EnterpriseScope(user.jurisdictionPath(), null, false);
			case PLATFORM -> new EnterpriseScope(null, user.enterpriseId(), false);
			case AUDITOR -> new EnterpriseScope(null, null, true);
		};
	}

	/** No restriction: for administrators' pages and the system's own jobs. */
	public static EnterpriseScope everything() {
		return new EnterpriseScope(null, null, false);
	}

	/** SQL condition over {@code e} (enterprise) and {@code j} (its jurisdiction). */
	public String condition() {
		if (this.none) {
			return "FALSE";
		}
		if (this.enterpriseId != null) {
			return "e.id = :scopeEnterpriseId";
		}
		return (this.jurisdictionPath != null) ? "j.path LIKE CONCAT(:scopePath, '%')" : "TRUE";
	}

	/**
	 * A new map with this scope's parameters, for a query that uses {@link #condition()}.
	 */
	public Map<String, Object> parameters() {
		Map<String, Object> params = new LinkedHashMap<>();
		bind(params);
		return params;
	}

	public void bind(Map<String, Object> params) {
		if (this.enterpriseId != null) {
			params.put("scopeEnterpriseId", this.enterpriseId);
		}
		if (this.jurisdictionPath != null) {
			params.put("scopePath", this.jurisdictionPath);
		}
	}

}
