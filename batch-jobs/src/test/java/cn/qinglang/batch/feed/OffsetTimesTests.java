package cn.qinglang.batch.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hand-read times agree with {@link OffsetDateTime#parse} on everything: what it
 * accepts, the instant, and what it refuses.
 */
class OffsetTimesTests {

	@Test
	void readsWhatTheJdkReadsAndRefusesWhatItRefuses() {
		List<String> texts = List.of("2026-05-18T09:30:00+08:00", "2026-05-18T09:30+08:00", "2026-05-18T09:30:00Z",
				"2026-05-18T09:30:00.5+08:00", "2026-05-18T09:30:00.123456789-05:30", "2026-05-18T09:30:00.1234567890Z",
				"2026-05-18T09:30:00.+08:00", "2024-02-29T00:00:00+08:00", "2025-02-29T00:00:00+08:00",
				"2025-04-31T00:00:00+08:00", "2025-13-01T00:00:00+08:00", "2025-12-01T24:00:00+08:00",
				"2025-12-01T23:60:00+08:00", "2025-12-01T23:59:60+08:00", "2025-12-01T23:59:59+18:00",
				"2025-12-01T23:59:59-18:00", "2025-12-01T23:59:59+18:01", "2025-12-01T23:59:59+08:00:30",
				"2025-12-01T23:59:59+0800", "2025-12-01T23:59:59+08", "2025-12-01t23:59:59z",
				"2025-12-01 23:59:59+08:00", "2025-12-01T23:59:59-00:00", "+12025-12-01T23:59:59Z",
				"0000-01-01T00:00:00Z", "2025-1-01T00:00:00Z", "2025-12-01T23:59:59", "2025-12-01T23:59:59+08:00 ",
				"2025-12-01T2a:59:59+08:00", "", "2025-12-01");
		for (String text : texts) {
			assertSameAsJdk(text);
		}
	}

	@Test
	void agreesWithTheJdkOnManyTimes() {
		Random random = new Random(20260518);
		for (int i = 0; i < 20_000; i++) {
			LocalDateTime time = LocalDateTime.of(1900 + random.nextInt(300), 1 + random.nextInt(12), 1, 0, 0)
				.plusDays(random.nextInt(31))
				.plusSeconds(random.nextInt(86_400))
				.plusNanos((random.nextInt(3) == 0) ? random.nextInt(1_000_000_000) : 0);
			ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(4 * 18 * 2 + 1) - 4 * 18) * 900);
			assertSameAsJdk(OffsetDateTime.of(time, offset).toString());
		}
	}

	private static void assertSameAsJdk(String text) {
		Instant expected;
		try {
			expected = OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeException ex) {
			assertThatThrownBy(() -> OffsetTimes.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
			return;
		}
		assertThat(OffsetTimes.parse(text)).as(text).isEqualTo(expected);
	}

}
