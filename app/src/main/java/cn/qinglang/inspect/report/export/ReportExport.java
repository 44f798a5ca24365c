package cn.qinglang.inspect.report.export;

import java.time.Instant;

import cn.qinglang.inspect.report.ReportFormat;

/**
 * A report generated in the background for its owner, as the "my exports" list shows it.
 *
 * @param fileName the download's name without extension, from the document once built
 * @param sha256 of the produced file, so that a file altered on disk can be told
 * @param errorMessage why it failed: the exception's message, or {@link #INTERRUPTED}
 * when the nodes that ran it stopped, or {@link #GONE} when its owner can no longer see
 * what it reports
 */
public record ReportExport(long id, String owner, String title, ReportFormat format, ExportStatus status,
		int progressPercent, long rowsDone, long rowsEstimated, String fileName, Long fileSize, String sha256,
		String errorMessage, String template, String targetType, String targetId, Instant createdAt, Instant startedAt,
		Instant finishedAt) {

	/** The message key stored for an export cut off by a restart, shown localised. */
	public static final String INTERRUPTED = "export.interrupted";

	/**
	 * The message key stored for an export whose owner can no longer see its content
	 * (deleted, out of scope, the account disabled) when it was built.
	 */
	public static final String GONE = "export.gone";

	public boolean interrupted() {
		return INTERRUPTED.equals(this.errorMessage);
	}

	/** The error's message key, for those stored as one; null for another message. */
	public String errorKey() {
		return (INTERRUPTED.equals(this.errorMessage) || GONE.equals(this.errorMessage)) ? this.errorMessage : null;
	}

	public boolean downloadable() {
		return this.status == ExportStatus.DONE;
	}

}
