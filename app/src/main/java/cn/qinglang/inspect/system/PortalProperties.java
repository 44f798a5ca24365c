package cn.qinglang.inspect.system;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param displayZone the portal's one zone: times are shown in it (they are stored in
 * UTC), and the clock's today is its date (see {@code TimeConfiguration})
 * @param pageSize default number of rows of a list page
 */
@ConfigurationProperties("qinglang.portal")
public record PortalProperties(@DefaultValue("Asia/Shanghai") ZoneId displayZone, @DefaultValue("20") int pageSize) {

}
