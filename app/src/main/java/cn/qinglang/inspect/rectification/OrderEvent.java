package cn.qinglang.inspect.rectification;

import java.time.Instant;

/**
 * A line of an order's timeline.
 */
record OrderEvent(Instant occurredAt, String actor, String kind, String detail) {
}
