package cn.qinglang.inspect.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Days from {@code from} to {@code to}, both included.
 */
public record Period(LocalDate from, LocalDate to) {

	public Period {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("a period ends on or after its first day: " + from + " to " + to);
		}
	}

	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/** The period of equal length that ends the day before this one starts. */
	public Period previous() {
		return new Period(this.from.minusDays(days()), this.from.minusDays(1));
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(this.from) && !day.isAfter(this.to);
	}

	/**
	 * The period cut into whole months, then whole weeks (Monday to Sunday), then single
	 * days, taking the coarsest piece that fits at each step, so that few aggregate rows
	 * are read.
	 */
	public Slices slices() {
		return cut(true);
	}

	/**
	 * The period cut into whole weeks and single days only, for sums by week.
	 */
	public Slices weekSlices() {
		return cut(false);
	}

	private Slices cut(boolean withMonths) {
		List<LocalDate> months = new ArrayList<>();
		List<LocalDate> weeks = new ArrayList<>();
		List<LocalDate> days = new ArrayList<>();
		LocalDate day = this.from;
		while (!day.isAfter(this.to)) {
			if (withMonths && day.getDayOfMonth() == 1
					&& !day.with(TemporalAdjusters.lastDayOfMonth()).isAfter(this.to)) {
				months.add(day);
				day = day.plusMonths(1);
			}
			else if (day.getDayOfWeek() == DayOfWeek.MONDAY && !day.plusDays(6).isAfter(this.to)) {
				weeks.add(day);
				day = day.plusWeeks(1);
			}
			else {
				days.add(day);
				day = day.plusDays(1);
			}
		}
		return new Slices(months, weeks, days);
	}

	/** First days of the months, weeks and days that make up a period. */
	public record Slices(List<LocalDate> months, List<LocalDate> weeks, List<LocalDate> days) {

		public int pieces() {
			return this.months.size() + this.weeks.size() + this.days.size();
		}

	}

}
