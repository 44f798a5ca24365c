/**
 * The append-only, hash-chained audit log: every sign-in, sign-out, failed sign-in and
 * regulator or administrative action, readable only by the AUDITOR.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system" })
package cn.qinglang.inspect.audit;
