package cn.qinglang.inspect.notification;

import java.time.Instant;

/**
 * A mail of the outbox: sent when {@code sentAt} is set, failed when {@code failure} is.
 */
record OutboxMail(long id, String to, String subject, String body, Instant createdAt, Instant sentAt, String failure) {
}
