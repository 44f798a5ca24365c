package cn.qinglang.inspect.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * {@code @Retryable} methods ({@link RetryOnConflict}), their retry ordered outside their
 * transaction, whose interceptor comes last: each attempt is a transaction of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods(order = Ordered.LOWEST_PRECEDENCE - 100)
class RetryConfiguration {

}
