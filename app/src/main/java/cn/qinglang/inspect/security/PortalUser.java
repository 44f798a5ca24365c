package cn.qinglang.inspect.security;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user, kept in the session. Carries what scoping needs: the office's
 * jurisdiction path for regulators and the enterprise for platform users.
 */
public final class PortalUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private String passwordHash;

	private final String displayName;

	private final Role role;

	private final String jurisdictionCode;

	private final String jurisdictionPath;

	private final Long enterpriseId;

	private final boolean enabled;

	/** the end of a lock still running when the user was loaded, or null */
	private final Instant lockedUntil;

	private final boolean mustChangePassword;

	PortalUser(long id, String username, String passwordHash, String displayName, Role role, String jurisdictionCode,
			String jurisdictionPath, Long enterpriseId, boolean enabled, Instant lockedUntil,
			boolean mustChangePassword) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.role = role;
		this.jurisdictionCode = jurisdictionCode;
		this.jurisdictionPath = jurisdictionPath;
		this.enterpriseId = enterpriseId;
		this.enabled = enabled;
		this.lockedUntil = lockedUntil;
		this.mustChangePassword = mustChangePassword;
	}

	PortalUser withPasswordChanged() {
		return new PortalUser(this.id, this.username, null, this.displayName, this.role, this.jurisdictionCode,
				this.jurisdictionPath, this.enterpriseId, this.enabled, this.lockedUntil, false);
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	public boolean hasRole(String role) {
		return this.role.name().equals(role);
	}

	/** The office's jurisdiction code, for INSPECTOR and EXECUTIVE; otherwise null. */
	public String jurisdictionCode() {
		return this.jurisdictionCode;
	}

	/** Materialised path of the office's jurisdiction, e.g. {@code /000000/110000/}. */
	public String jurisdictionPath() {
		return this.jurisdictionPath;
	}

	/** The enterprise of a PLATFORM user; otherwise null. */
	public Long enterpriseId() {
		return this.enterpriseId;
	}

	public boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return this.lockedUntil == null;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PortalUser that && this.username.equals(that.username);
	}

	@Override
	public int hashCode() {
		return this.username.hashCode();
	}

	@Override
	public String toString() {
		return "PortalUser[" + this.username + ", " + this.role + "]";
	}

}
