package cn.qinglang.inspect.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pagesInMemory filled pages kept in memory; a longer report swaps the others to a
 * temporary file, so that its size does not decide the heap it needs
 * @param warmUp whether a small report is rendered in the background once the portal has
 * started, so that the first user's export does not pay for loading the report engine and
 * parsing the font
 * @param backgroundAboveRows a report estimated at more rows than this is generated in
 * the background; smaller ones stream straight to the browser
 * @param workers reports generated at once; each holds a database connection and its
 * swapped pages while it runs
 * @param queueCapacity exports waiting for a worker; beyond it the user is told to try
 * later rather than the queue growing without bound
 * @param retention how long a produced file is kept before the cleanup deletes it
 * @param heartbeat how often a node beats the heartbeat of the exports it runs or has
 * queued, and looks for those of dead nodes
 * @param heartbeatTimeout an export whose heartbeat is older is taken over by the node
 * that sees it first and built again from its recipe
 */
@ConfigurationProperties("qinglang.reports")
public record ReportProperties(@DefaultValue("50") int pagesInMemory, @DefaultValue("true") boolean warmUp,
		@DefaultValue("300") long backgroundAboveRows, @DefaultValue("1") int workers,
		@DefaultValue("10") int queueCapacity, @DefaultValue("7d") Duration retention,
		@DefaultValue("10s") Duration heartbeat, @DefaultValue("30s") Duration heartbeatTimeout) {

}
