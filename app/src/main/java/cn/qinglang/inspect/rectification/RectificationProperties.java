package cn.qinglang.inspect.rectification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultDeadlineDays days from issue to the deadline proposed on a new order
 */
@ConfigurationProperties("qinglang.rectification")
record RectificationProperties(@DefaultValue("15") int defaultDeadlineDays) {
}
