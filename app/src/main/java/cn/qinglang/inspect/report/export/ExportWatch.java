package cn.qinglang.inspect.report.export;

import org.springframework.stereotype.Component;

import cn.qinglang.batch.feed.NodeWatch;
import cn.qinglang.inspect.report.ReportProperties;

/**
 * {@link BackgroundExports#watch()} on every node, every
 * {@code qinglang.reports.heartbeat}, at once when the node starts, so that a single node
 * restarted after a crash builds its exports again as soon as their heartbeat is older
 * than the time-out.
 */
@Component
class ExportWatch extends NodeWatch {

	private final BackgroundExports exports;

	ExportWatch(BackgroundExports exports, ReportProperties properties) {
		super("export-watch", properties.heartbeat());
		this.exports = exports;
	}

	@Override
	protected void watch() {
		this.exports.watch();
	}

}
