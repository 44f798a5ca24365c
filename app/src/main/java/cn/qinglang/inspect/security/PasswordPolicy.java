package cn.qinglang.inspect.security;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The rule for passwords set in the portal: long enough, letters and digits, not the user
 * name. Returns the message key of what is wrong.
 */
@Component
public class PasswordPolicy {

	private final int minLength;

	PasswordPolicy(SecurityProperties properties) {
		this.minLength = properties.passwordMinLength();
	}

	public Optional<String> violation(String username, String password) {
		if (password == null || password.length() < this.minLength) {
			return Optional.of("password.tooShort");
		}
		if (password.length() > 128) {
			return Optional.of("password.tooLong");
		}
		boolean letter = password.chars().anyMatch(Character::isLetter);
		boolean digit = password.chars().anyMatch(Character::isDigit);
		if (!letter || !digit) {
			return Optional.of("password.lettersAndDigits");
		}
		if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
			return Optional.of("password.containsUsername");
		}
		return Optional.empty();
	}

	public int minLength() {
		return this.minLength;
	}

}
