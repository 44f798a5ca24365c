package cn.qinglang.inspect.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(
			new SecurityProperties(new SecurityProperties.Lockout(5, java.time.Duration.ofMinutes(15)),
					new SecurityProperties.InitialAdmin("admin", null), 12, java.time.Duration.ofMinutes(1)));

	@Test
	void longPasswordWithLettersAndDigitsIsAccepted() {
		assertThat(this.policy.violation("wang", "Qinglang-2026-ok")).isEmpty();
	}

	@Test
	void shortPasswordIsRefused() {
		assertThat(this.policy.violation("wang", "abc123")).contains("password.tooShort");
	}

	@Test
	void passwordWithoutDigitsIsRefused() {
		assertThat(this.policy.violation("wang", "onlyletters-here")).contains("password.lettersAndDigits");
	}

	@Test
	void passwordContainingTheUserNameIsRefused() {
		assertThat(this.policy.violation("wang", "my-WANG-password-1")).contains("password.containsUsername");
	}

}
