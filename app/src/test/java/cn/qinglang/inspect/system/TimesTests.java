package cn.qinglang.inspect.system;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTests {

	private final Times times = new Times(new PortalProperties(ZoneId.of("Asia/Shanghai"), 20));

	@Test
	void utcInstantIsShownInShanghaiTime() {
		assertThat(this.times.format(Instant.parse("2026-05-18T01:30:00Z"))).isEqualTo("2026-05-18 09:30:00");
	}

	@Test
	void databaseValuesAreUtcWallClock() {
		Instant instant = Instant.parse("2026-05-18T16:00:00.123456Z");

		assertThat(Times.toDb(instant)).isEqualTo(LocalDateTime.of(2026, 5, 18, 16, 0, 0, 123_456_000));
		assertThat(Times.fromDb(Times.toDb(instant))).isEqualTo(instant);
	}

	@Test
	void aDayBeginsWhereItsZoneSays() {
		java.time.LocalDate day = java.time.LocalDate.parse("2026-05-19");

		assertThat(Times.startOfDay(day, ZoneId.of("Asia/Shanghai"))).isEqualTo(LocalDateTime.of(2026, 5, 18, 16, 0));
		assertThat(Times.startOfDay(day, ZoneId.of("Pacific/Kiritimati")))
			.isEqualTo(LocalDateTime.of(2026, 5, 18, 10, 0));
		assertThat(Times.startOfDay(day, ZoneId.of("UTC"))).isEqualTo(LocalDateTime.of(2026, 5, 19, 0, 0));
	}

}
