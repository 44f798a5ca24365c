package cn.qinglang.batch.feed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record's day is a day of the portal's one zone, the zone of its clock: the same
 * complaint falls on another day where the day boundary lies elsewhere.
 */
class RecordDaysTests {

	private static final String CREDIT = "91110108MA00000001";

	private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

	@Test
	void aComplaintIsCountedOnTheDayOfTheConfiguredZone() {
		// 2026-05-18 23:30 in Beijing, 2026-05-19 05:30 on Kiritimati (UTC+14), 15:30 UTC
		Map<String, String> fields = Map.of("type", "complaint", "id", "c1", "enterprise", CREDIT, "received_at",
				"2026-05-18T23:30:00+08:00", "category", "FABRICATION", "content_type", "VIDEO", "channel",
				"IN_APP_REPORT", "status", "RECEIVED");

		assertThat(dayIn("Asia/Shanghai", fields)).isEqualTo(LocalDate.parse("2026-05-18"));
		assertThat(dayIn("Pacific/Kiritimati", fields)).isEqualTo(LocalDate.parse("2026-05-19"));
		assertThat(dayIn("UTC", fields)).isEqualTo(LocalDate.parse("2026-05-18"));
	}

	@Test
	void aMetricDayInTheFutureIsRefusedByTheDayOfTheConfiguredZone() {
		// 2026-06-01T00:00Z is already 2026-06-01 in Beijing, still 2026-05-31 in
		// Honolulu
		Map<String, String> fields = Map.ofEntries(Map.entry("type", "labeling_metric"), Map.entry("id", "m1"),
				Map.entry("enterprise", CREDIT), Map.entry("date", "2026-06-01"), Map.entry("content_type", "IMAGE"),
				Map.entry("published", "10"), Map.entry("explicit_labeled", "9"), Map.entry("implicit_labeled", "9"),
				Map.entry("user_declared", "0"), Map.entry("platform_detected", "0"), Map.entry("verified", "5"),
				Map.entry("appeals_filed", "0"), Map.entry("appeals_upheld", "0"),
				Map.entry("tampering_detected", "0"));

		assertThat(validator("Asia/Shanghai").process(RawRecord.of(1, fields))).isInstanceOf(FeedItem.Accepted.class);
		assertThat(validator("Pacific/Honolulu").process(RawRecord.of(1, fields)))
			.isInstanceOf(FeedItem.Rejected.class);
	}

	private static LocalDate dayIn(String zone, Map<String, String> fields) {
		FeedItem item = validator(zone).process(RawRecord.of(1, fields));
		assertThat(item).isInstanceOf(FeedItem.Accepted.class);
		return ((PlatformRecord.Complaint) ((FeedItem.Accepted) item).record()).receivedDay();
	}

	private static RecordValidator validator(String zone) {
		return new RecordValidator(CREDIT, null, Clock.fixed(NOW, ZoneId.of(zone)));
	}

}
