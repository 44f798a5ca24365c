package cn.qinglang.inspect.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Daily jobs (reminders) and the mail sender run on schedules; tests switch them off and
 * call the jobs with the day they want.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "qinglang.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

}
