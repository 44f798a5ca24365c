package cn.qinglang.inspect.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Daily jobs (reminders), the mail sender and the clean-ups run on schedules, each once
 * per cluster ({@link SchedulerLockConfiguration}); tests switch the schedules off and
 * call the jobs with the day they want.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "qinglang.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

}
