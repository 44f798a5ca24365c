package cn.qinglang.inspect.system;

/**
 * A move the domain refuses (an impossible state change, a closed inspection, a form
 * field that breaks a rule): the message key says why, for the user.
 */
public class RuleViolation extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	public RuleViolation(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
