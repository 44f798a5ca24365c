package cn.qinglang.inspect.feed;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.feed.ApiTokens.ApiToken;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.RetryOnConflict;
import cn.qinglang.inspect.system.RuleViolation;
import cn.qinglang.inspect.system.Times;

/**
 * Push tokens, self-service: a platform's users make, list and revoke their enterprise's
 * tokens; administrators list and revoke any. Every change is in the audit log.
 */
@RetryOnConflict
@Service
class PushTokens {

	/** The validities a token may be made with, in days. */
	static final List<Integer> VALIDITIES = List.of(30, 90, 180, 365);

	private final ApiTokens tokens;

	private final AuditLog audit;

	private final Clock clock;

	PushTokens(ApiTokens tokens, AuditLog audit, Clock clock) {
		this.tokens = tokens;
		this.audit = audit;
		this.clock = clock;
	}

	/** Makes a token for the enterprise; the secret is returned this once. */
	@Transactional
	String create(long enterpriseId, String name, int days, boolean sandbox, String by) {
		if (!StringUtils.hasText(name)) {
			throw new RuleViolation("feed.tokens.nameRequired");
		}
		int validity = VALIDITIES.contains(days) ? days : 90;
		String clipped = name.strip().length() > 100 ? name.strip().substring(0, 100) : name.strip();
		ApiTokens.NewToken made = this.tokens.create(enterpriseId, clipped,
				Times.now(this.clock).plus(Duration.ofDays(validity)), sandbox, by);
		this.audit.record(AuditEvent.change("TOKEN_CREATED", "api_token", made.id(), null,
				Map.of("enterpriseId", enterpriseId, "name", clipped, "prefix", made.token().substring(0, 12),
						"sandbox", sandbox, "days", validity)));
		return made.token();
	}

	List<ApiToken> ofEnterprise(long enterpriseId) {
		return this.tokens.ofEnterprise(enterpriseId);
	}

	List<ApiToken> all() {
		return this.tokens.all();
	}

	/** Revokes a token of the enterprise; another enterprise's is not found. */
	@Transactional
	void revokeOwn(long enterpriseId, long tokenId, String by) {
		ApiToken token = this.tokens.find(tokenId)
			.filter((found) -> found.enterpriseId() == enterpriseId)
			.orElseThrow(NotFound::new);
		revoke(token, by);
	}

	/** Revokes any token (administrators). */
	@Transactional
	void revokeAny(long tokenId, String by) {
		revoke(this.tokens.find(tokenId).orElseThrow(NotFound::new), by);
	}

	private void revoke(ApiToken token, String by) {
		if (this.tokens.revoke(token.id(), by)) {
			this.audit.record(AuditEvent.change("TOKEN_REVOKED", "api_token", token.id(), Map.of("state", "active"),
					Map.of("state", "revoked", "enterpriseId", token.enterpriseId(), "prefix", token.prefix())));
		}
	}

}
