package cn.qinglang.labelcheck.cli;

import java.io.IOException;

import cn.qinglang.labelcheck.BatchSummary;
import cn.qinglang.labelcheck.SampleReport;

/**
 * Writes a batch's reports out as they come, so that nothing of the batch is kept: the
 * start, each file's report in input order, then the counts.
 */
interface ReportWriter {

	void start(boolean viaPlatform) throws IOException;

	void write(SampleReport report) throws IOException;

	void finish(BatchSummary summary) throws IOException;

}
