package cn.qinglang.inspect.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.qinglang.inspect.security.Role;

/**
 * An account as the administrator sees it; never its password hash.
 *
 * @param lockedUntil the end of a lock still running when the account was read (by the
 * portal's clock), or null
 */
record UserAccount(long id, String username, String displayName, String email, Role role, String jurisdictionCode,
		String jurisdictionNameZh, Long enterpriseId, String enterpriseNameZh, boolean enabled, Instant lockedUntil,
		Instant lastSignInAt, boolean mustChangePassword) {

	public boolean locked() {
		return this.lockedUntil != null;
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("username", this.username);
		state.put("displayName", this.displayName);
		state.put("email", this.email);
		state.put("role", this.role);
		state.put("jurisdiction", this.jurisdictionCode);
		state.put("enterpriseId", this.enterpriseId);
		state.put("enabled", this.enabled);
		return state;
	}

}
