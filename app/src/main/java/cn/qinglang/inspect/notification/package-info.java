/**
 * Telling people what needs them: notifications in the portal with an unread count,
 * deadline reminders from a daily job, and mail (by SMTP when configured, otherwise kept
 * in the outbox that the demo shows).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "enterprise", "rectification", "security", "system" })
package cn.qinglang.inspect.notification;
