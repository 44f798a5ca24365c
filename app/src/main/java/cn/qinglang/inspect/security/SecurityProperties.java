package cn.qinglang.inspect.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lockout when repeated failed sign-ins lock an account
 * @param initialAdmin the first administrator, created when there is none
 * @param passwordMinLength shortest password accepted when one is set
 * @param sessionTouchEvery how much later than the stored one a request's time must be to
 * be written as its session's last access (so a session may end this much before its idle
 * time-out)
 */
@ConfigurationProperties("qinglang.security")
record SecurityProperties(@DefaultValue Lockout lockout, @DefaultValue InitialAdmin initialAdmin,
		@DefaultValue("12") int passwordMinLength, @DefaultValue("1m") Duration sessionTouchEvery) {

	/**
	 * @param maxAttempts failed sign-ins in a row that lock the account
	 * @param duration how long it stays locked
	 */
	public record Lockout(@DefaultValue("5") int maxAttempts, @DefaultValue("15m") Duration duration) {
	}

	/**
	 * @param username user name of the first administrator
	 * @param password its password ({@code QINGLANG_ADMIN_PASSWORD}); when empty a
	 * one-time password is generated, printed once, and must be changed at first sign-in
	 */
	public record InitialAdmin(@DefaultValue("admin") String username, String password) {
	}

}
