package cn.qinglang.inspect.rectification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A request to move the deadline, and the inspector's decision.
 *
 * @param decision PENDING, GRANTED or REFUSED
 */
record Extension(long id, long orderId, LocalDate requestedDeadline, String reason, String requestedBy,
		Instant requestedAt, String decision, String decisionComment, String decidedBy, Instant decidedAt) {

	public boolean pending() {
		return "PENDING".equals(this.decision);
	}

}
