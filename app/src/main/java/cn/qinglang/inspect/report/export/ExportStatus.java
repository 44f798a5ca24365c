package cn.qinglang.inspect.report.export;

/**
 * Where a background export stands: waiting for a worker, being filled and exported,
 * ready to download, failed (with its message), or its file deleted after the retention.
 */
public enum ExportStatus {

	QUEUED, RUNNING, DONE, FAILED, EXPIRED;

	public boolean active() {
		return this == QUEUED || this == RUNNING;
	}

}
