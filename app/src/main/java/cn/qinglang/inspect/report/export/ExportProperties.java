package cn.qinglang.inspect.report.export;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param backgroundAboveRows a report estimated at more rows than this is generated in
 * the background; smaller ones stream straight to the browser
 * @param workers reports generated at once; each holds a database connection and its
 * swapped pages while it runs
 * @param queueCapacity exports waiting for a worker; beyond it the user is told to try
 * later rather than the queue growing without bound
 * @param exportDir where the produced files are kept, named by the export's id
 * @param retention how long a produced file is kept before the cleanup deletes it
 */
@ConfigurationProperties("qinglang.reports")
public record ExportProperties(@DefaultValue("300") long backgroundAboveRows, @DefaultValue("1") int workers,
		@DefaultValue("10") int queueCapacity, @DefaultValue("data/exports") Path exportDir,
		@DefaultValue("7d") Duration retention) {

}
