/**
 * Who is signed in and what that allows: form sign-in over the accounts table, roles,
 * lockout after repeated failures, session and header hardening, the first administrator
 * outside the demo, and the sign-in events in the audit log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "system" })
package cn.qinglang.inspect.security;
