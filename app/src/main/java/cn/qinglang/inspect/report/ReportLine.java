package cn.qinglang.inspect.report;

/**
 * A line of the rectification report; the template prints each kind with its own band.
 *
 * @param section the heading it is grouped under
 * @param kind {@code KV}, {@code FINDING}, {@code MEASURE}, {@code SUBMISSION},
 * {@code FILE}, {@code EVENT} or {@code NOTE}
 */
public record ReportLine(String section, String kind, String label, String title, String text, String note,
		String status, String sha256, String sm3) {

	public static ReportLine keyValue(String section, String label, String text) {
		return new ReportLine(section, "KV", label, null, text, null, null, null, null);
	}

	public static ReportLine note(String section, String text) {
		return new ReportLine(section, "NOTE", null, null, text, null, null, null, null);
	}

}
