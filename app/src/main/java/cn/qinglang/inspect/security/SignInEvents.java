package cn.qinglang.inspect.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;

/**
 * Sign-in, sign-out and failures into the audit log; failures counted towards the
 * lockout.
 */
@Component
class SignInEvents {

	private final SignInAccounts accounts;

	private final AuditLog auditLog;

	private final SecurityProperties properties;

	private final Clock clock;

	SignInEvents(SignInAccounts accounts, AuditLog auditLog, SecurityProperties properties, Clock clock) {
		this.clock = clock;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.properties = properties;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		// Prometheus scrapes authenticate on every request: not a person signing in
		if (requestUnder("/actuator/")) {
			return;
		}
		Authentication authentication = event.getAuthentication();
		this.accounts.signedIn(authentication.getName(), Instant.now(this.clock));
		// an API call authenticates on every request and is audited as what it does,
		// under the same user: a sign-in entry for each would only bury the real ones
		if (!requestUnder("/api/")) {
			record(authentication, roleOf(authentication), "SIGN_IN");
		}
	}

	@EventListener
	void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		Authentication attempt = event.getAuthentication();
		record(attempt, null, "SIGN_IN_FAILED");
		SecurityProperties.Lockout lockout = this.properties.lockout();
		if (this.accounts.failed(attempt.getName(), lockout.maxAttempts(),
				Instant.now(this.clock).plus(lockout.duration()))) {
			record(attempt, null, "ACCOUNT_LOCKED");
		}
	}

	@EventListener
	void onLocked(AuthenticationFailureLockedEvent event) {
		record(event.getAuthentication(), null, "SIGN_IN_REFUSED_LOCKED");
	}

	@EventListener
	void onDisabled(AuthenticationFailureDisabledEvent event) {
		record(event.getAuthentication(), null, "SIGN_IN_REFUSED_DISABLED");
	}

	@EventListener
	void onOtherFailure(AbstractAuthenticationFailureEvent event) {
		if (!(event instanceof AuthenticationFailureBadCredentialsEvent
				|| event instanceof AuthenticationFailureLockedEvent
				|| event instanceof AuthenticationFailureDisabledEvent)) {
			record(event.getAuthentication(), null, "SIGN_IN_FAILED");
		}
	}

	@EventListener
	void onSignOut(LogoutSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		record(authentication, roleOf(authentication), "SIGN_OUT");
	}

	private void record(Authentication authentication, String role, String action) {
		String remoteAddress = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : currentRequest().map(HttpServletRequest::getRemoteAddr).orElse(null);
		this.auditLog.recordAs(authentication.getName(), role, remoteAddress,
				AuditEvent.of(action, "user", authentication.getName()));
	}

	private static String roleOf(Authentication authentication) {
		return (authentication.getPrincipal() instanceof PortalUser user) ? user.role().name() : null;
	}

	/** Whether the event comes from a request whose path starts so. */
	private static boolean requestUnder(String prefix) {
		return currentRequest().map((request) -> request.getRequestURI().startsWith(prefix)).orElse(false);
	}

	private static Optional<HttpServletRequest> currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? Optional.of(attributes.getRequest()) : Optional.empty();
	}

}
