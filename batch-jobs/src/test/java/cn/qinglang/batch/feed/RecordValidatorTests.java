package cn.qinglang.batch.feed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.qinglang.batch.records.RejectReason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator on what the interface v1.1 settles: a platform's clock may run up to five
 * minutes ahead (a time or a day within that is accepted, beyond it is
 * {@code IN_FUTURE}); a text holding a control character or half a surrogate pair is not
 * text.
 */
class RecordValidatorTests {

	private static final String CREDIT = "91110108MA5FERE68F";

	/** 23:58 in Beijing. */
	private final Clock clock = Clock.fixed(Instant.parse("2026-05-18T15:58:00Z"), ZoneId.of("Asia/Shanghai"));

	private final RecordValidator validator = new RecordValidator(CREDIT, null, this.clock);

	@Test
	void aTimeUpToFiveMinutesAheadIsAcceptedAndBeyondItIsInTheFuture() {
		assertThat(complaintReceived(this.clock.instant().plusSeconds(4 * 60))).isInstanceOf(FeedItem.Accepted.class);
		assertThat(complaintReceived(this.clock.instant().plusSeconds(6 * 60)))
			.isInstanceOfSatisfying(FeedItem.Rejected.class, (rejected) -> {
				assertThat(rejected.reason()).isEqualTo(RejectReason.IN_FUTURE);
				assertThat(rejected.field()).isEqualTo("received_at");
			});
	}

	@Test
	void tomorrowIsTodayWithinFiveMinutesOfMidnight() {
		assertThat(metricOn("2026-05-19")).as("00:03 tomorrow is within the tolerance at 23:58")
			.isInstanceOf(FeedItem.Accepted.class);
		assertThat(metricOn("2026-05-20")).isInstanceOfSatisfying(FeedItem.Rejected.class,
				(rejected) -> assertThat(rejected.reason()).isEqualTo(RejectReason.IN_FUTURE));
	}

	@Test
	void aSummaryWithAControlCharacterOrHalfASurrogatePairIsNotText() {
		assertThat(complaintWithSummary("第一行\n第二行\t😀")).isInstanceOf(FeedItem.Accepted.class);
		for (String bad : new String[] { "空\u0000字符", "响铃\u0007", "半个\ud83d" }) {
			assertThat(complaintWithSummary(bad)).as(bad)
				.isInstanceOfSatisfying(FeedItem.Rejected.class, (rejected) -> {
					assertThat(rejected.reason()).isEqualTo(RejectReason.WRONG_TYPE);
					assertThat(rejected.field()).isEqualTo("summary");
				});
		}
	}

	private FeedItem complaintWithSummary(String summary) {
		Map<String, String> fields = new HashMap<>();
		fields.put("type", "complaint");
		fields.put("id", "c-2");
		fields.put("enterprise", CREDIT);
		fields.put("received_at", "2026-05-18T09:30:00+08:00");
		fields.put("category", "RUMOR");
		fields.put("content_type", "TEXT");
		fields.put("channel", "WEB_FORM");
		fields.put("status", "RECEIVED");
		fields.put("summary", summary);
		return this.validator.process(RawRecord.of(1, fields));
	}

	private FeedItem complaintReceived(Instant at) {
		Map<String, String> fields = new HashMap<>();
		fields.put("type", "complaint");
		fields.put("id", "c-1");
		fields.put("enterprise", CREDIT);
		fields.put("received_at", at.atOffset(ZoneOffset.ofHours(8)).toString());
		fields.put("category", "RUMOR");
		fields.put("content_type", "TEXT");
		fields.put("channel", "WEB_FORM");
		fields.put("status", "RECEIVED");
		return this.validator.process(RawRecord.of(1, fields));
	}

	private FeedItem metricOn(String day) {
		Map<String, String> fields = new HashMap<>();
		fields.put("type", "labeling_metric");
		fields.put("id", "m-" + day);
		fields.put("enterprise", CREDIT);
		fields.put("date", day);
		fields.put("content_type", "IMAGE");
		for (String count : new String[] { "published", "explicit_labeled", "implicit_labeled", "user_declared",
				"platform_detected", "verified", "appeals_filed", "appeals_upheld", "tampering_detected" }) {
			fields.put(count, "0");
		}
		return this.validator.process(RawRecord.of(1, fields));
	}

}
