package cn.qinglang.inspect.dashboard;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodTests {

	@Test
	void previousPeriodHasTheSameLengthAndEndsTheDayBefore() {
		Period campaign = new Period(LocalDate.of(2026, 5, 18), LocalDate.of(2026, 11, 23));

		assertThat(campaign.days()).isEqualTo(190);
		assertThat(campaign.previous()).isEqualTo(new Period(LocalDate.of(2025, 11, 9), LocalDate.of(2026, 5, 17)));
	}

	@Test
	void slicesTakeWholeMonthsThenWholeWeeksThenDays() {
		Period.Slices slices = new Period(LocalDate.of(2026, 5, 18), LocalDate.of(2026, 11, 23)).slices();

		assertThat(slices.months()).containsExactly(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1),
				LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1));
		assertThat(slices.weeks()).containsExactly(LocalDate.of(2026, 5, 18), LocalDate.of(2026, 5, 25),
				LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16));
		assertThat(slices.days()).containsExactly(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 23));
		assertThat(slices.pieces()).isEqualTo(12);
	}

	@Test
	void weekSlicesNeverSpanTwoWeeks() {
		Period.Slices slices = new Period(LocalDate.of(2026, 10, 29), LocalDate.of(2026, 11, 10)).weekSlices();

		assertThat(slices.months()).isEmpty();
		assertThat(slices.weeks()).containsExactly(LocalDate.of(2026, 11, 2));
		assertThat(slices.days()).containsExactly(LocalDate.of(2026, 10, 29), LocalDate.of(2026, 10, 30),
				LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 9),
				LocalDate.of(2026, 11, 10));
	}

	@Test
	void periodEndingBeforeItStartsIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Period(LocalDate.of(2026, 5, 18), LocalDate.of(2026, 5, 17)));
	}

}
