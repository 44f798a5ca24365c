package cn.qinglang.inspect.rectification;

import java.util.Map;
import java.util.Set;

import cn.qinglang.inspect.system.RuleViolation;

/**
 * An order is issued, goes into rectification with the first evidence, and closes when
 * every measure is accepted. Overdue is not a state: it is derived from the deadline.
 */
enum OrderStatus {

	ISSUED, IN_RECTIFICATION, CLOSED;

	private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(ISSUED, Set.of(IN_RECTIFICATION),
			IN_RECTIFICATION, Set.of(CLOSED), CLOSED, Set.of());

	public void checkMoveTo(OrderStatus next) {
		if (!NEXT.get(this).contains(next)) {
			throw new RuleViolation("order.transition", this, next);
		}
	}

}
