package cn.qinglang.inspect.security;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;

/**
 * Outside the demo there is no default password: when no administrator exists, one is
 * created with the password from {@code QINGLANG_ADMIN_PASSWORD}, or with a one-time
 * password printed once to the log and to be changed at first sign-in.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final SignInAccounts accounts;

	private final PasswordEncoder encoder;

	private final SecurityProperties properties;

	private final AuditLog auditLog;

	private final SecureRandom random = new SecureRandom();

	FirstAdministrator(SignInAccounts accounts, PasswordEncoder encoder, SecurityProperties properties,
			AuditLog auditLog) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.properties = properties;
		this.auditLog = auditLog;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.countAdministrators() > 0) {
			return;
		}
		SecurityProperties.InitialAdmin initial = this.properties.initialAdmin();
		boolean given = StringUtils.hasText(initial.password());
		String password = given ? initial.password() : oneTimePassword();
		this.accounts.createAdministrator(initial.username(), this.encoder.encode(password), !given);
		this.auditLog.recordAs("system", null, null,
				AuditEvent.of("ADMIN_CREATED_AT_FIRST_START", "user", initial.username()));
		if (given) {
			log.info("Created the first administrator '{}' with the password from QINGLANG_ADMIN_PASSWORD",
					initial.username());
		}
		else {
			log.warn("""

					============================================================
					 First administrator: {}
					 One-time password:   {}
					 It is shown only now and must be changed at first sign-in.
					============================================================""", initial.username(), password);
		}
	}

	private String oneTimePassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		// the policy wants a digit; make sure the generated one has
		password.setCharAt(this.random.nextInt(20), (char) ('2' + this.random.nextInt(8)));
		return password.toString();
	}

}
