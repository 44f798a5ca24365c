package cn.qinglang.inspect.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pagesInMemory filled pages kept in memory; a longer report swaps the others to a
 * temporary file, so that its size does not decide the heap it needs
 * @param warmUp whether a small report is rendered in the background once the portal has
 * started, so that the first user's export does not pay for loading the report engine and
 * parsing the font
 */
@ConfigurationProperties("qinglang.reports")
public record ReportProperties(@DefaultValue("50") int pagesInMemory, @DefaultValue("true") boolean warmUp) {

}
