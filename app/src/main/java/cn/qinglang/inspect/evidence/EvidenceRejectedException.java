package cn.qinglang.inspect.evidence;

import cn.qinglang.inspect.system.RuleViolation;

/**
 * A file refused at upload; the message key and arguments say why, for the form.
 */
public class EvidenceRejectedException extends RuleViolation {

	EvidenceRejectedException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
