package cn.qinglang.inspect.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pagesInMemory filled pages kept in memory; a longer report swaps the others to a
 * temporary file, so that its size does not decide the heap it needs
 */
@ConfigurationProperties("qinglang.reports")
public record ReportProperties(@DefaultValue("50") int pagesInMemory) {

}
