package cn.qinglang.inspect.bulletin;

import java.time.Instant;

/** A published bulletin: its number, title and the summary frozen at publication. */
record Bulletin(long id, String number, String title, String jurisdictionCode, String officeZh, String officeEn,
		String publishedBy, Instant publishedAt, TypicalIssueSummary summary) {
}
