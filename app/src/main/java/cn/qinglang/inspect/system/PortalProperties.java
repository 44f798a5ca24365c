package cn.qinglang.inspect.system;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param displayZone zone in which times are shown; they are stored in UTC
 * @param pageSize default number of rows of a list page
 */
@ConfigurationProperties("qinglang.portal")
public record PortalProperties(@DefaultValue("Asia/Shanghai") ZoneId displayZone, @DefaultValue("20") int pageSize) {

	/**
	 * Today in the display zone: the offices' date, which deadlines, reminders and
	 * dashboard periods count in (UTC's date is yesterday's until 08:00 in Beijing).
	 */
	public LocalDate today() {
		return LocalDate.now(this.displayZone);
	}

}
