package cn.qinglang.inspect.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.qinglang.inspect.security.Role;

/**
 * What an administrator enters for an account. The user name is only taken on creation;
 * the password is the initial one (creation) or a reset (edit, optional), and must be
 * changed at the next sign-in either way.
 */
record UserForm(
		@NotBlank @Size(min = 2, max = 40) @Pattern(regexp = "[a-z][a-z0-9._-]*",
				message = "{user.username.pattern}") String username,
		@NotBlank @Size(max = 64) @Pattern(regexp = "[^<>]*", message = "{validation.noMarkup}") String displayName,
		@Size(max = 254) @Email String email, @NotNull Role role, String jurisdictionCode, Long enterpriseId,
		@Size(max = 128) String password) {

	static UserForm empty() {
		return new UserForm("", "", "", null, null, null, "");
	}

	static UserForm of(UserAccount account) {
		return new UserForm(account.username(), account.displayName(), account.email(), account.role(),
				account.jurisdictionCode(), account.enterpriseId(), "");
	}

	/** Blanks stripped; what does not belong to the role cleared. */
	UserForm normalized() {
		String email = (this.email == null || this.email.isBlank()) ? null : this.email.strip();
		String jurisdiction = this.role.belongsToOffice() ? blankToNull(this.jurisdictionCode) : null;
		Long enterprise = (this.role == Role.PLATFORM) ? this.enterpriseId : null;
		return new UserForm(this.username.strip(), this.displayName.strip(), email, this.role, jurisdiction, enterprise,
				this.password);
	}

	UserForm withUsername(String fixed) {
		return new UserForm(fixed, this.displayName, this.email, this.role, this.jurisdictionCode, this.enterpriseId,
				this.password);
	}

	boolean hasPassword() {
		return this.password != null && !this.password.isEmpty();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
