package cn.qinglang.inspect.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.resilience.annotation.Retryable;

/**
 * A transaction that lost to another one is run again: a deadlock, or on a Galera cluster
 * a certification failure at commit (both MariaDB error 1213, the whole transaction
 * rolled back), or a lock wait that timed out. Only where the transaction began: a method
 * called inside a caller's transaction fails with it, and the caller's own boundary runs
 * the whole of it again ({@link WriteConflicts}). Up to ten more times, after 20 ms, then
 * twice as long each time up to 2 s (with up to 50 ms at random, so that the losers do
 * not meet again): a hot row, such as the sequence of an office's order numbers under 100
 * issues at once through two Galera nodes, takes several rounds.
 */
@Documented
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Retryable(predicate = WriteConflicts.class, maxRetries = 20, delay = 20, jitter = 100, multiplier = 2, maxDelay = 1000)
public @interface RetryOnConflict {

}
