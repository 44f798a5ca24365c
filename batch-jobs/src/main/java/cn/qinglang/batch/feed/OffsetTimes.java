package cn.qinglang.batch.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Times with offset as the interface writes them ({@code 2026-05-18T09:30:00+08:00}). The
 * common shape is read by hand, because {@link OffsetDateTime#parse} was the largest
 * single cost of validating a complaint; everything else (other shapes, and every
 * mistake) goes to {@link OffsetDateTime#parse}, so that what is accepted, and the error,
 * stay exactly the JDK's.
 */
final class OffsetTimes {

	private OffsetTimes() {
	}

	/**
	 * The instant of an ISO-8601 date and time with offset.
	 * @throws DateTimeParseException if it is not one
	 */
	static Instant parse(String text) {
		long epochSecond = commonShape(text);
		return (epochSecond != Long.MIN_VALUE) ? Instant.ofEpochSecond(epochSecond, nanos(text))
				: OffsetDateTime.parse(text).toInstant();
	}

	/**
	 * The epoch second of {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:MM)} with every part in
	 * range, else {@link Long#MIN_VALUE}.
	 */
	private static long commonShape(String text) {
		int length = text.length();
		if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return Long.MIN_VALUE;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59) {
			return Long.MIN_VALUE;
		}
		int end = 19;
		if (text.charAt(end) == '.') {
			int fraction = end + 1;
			while (fraction < length && isDigit(text.charAt(fraction))) {
				fraction++;
			}
			if (fraction == end + 1 || fraction - end - 1 > 9) {
				return Long.MIN_VALUE;
			}
			end = fraction;
		}
		int offsetSeconds;
		if (end == length - 1 && text.charAt(end) == 'Z') {
			offsetSeconds = 0;
		}
		else if (end == length - 6 && (text.charAt(end) == '+' || text.charAt(end) == '-')
				&& text.charAt(end + 3) == ':') {
			int offsetHours = digits(text, end + 1, 2);
			int offsetMinutes = digits(text, end + 4, 2);
			if (offsetHours < 0 || offsetHours > 17 || offsetMinutes < 0 || offsetMinutes > 59) {
				return Long.MIN_VALUE;
			}
			offsetSeconds = ((text.charAt(end) == '-') ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
		}
		else {
			return Long.MIN_VALUE;
		}
		LocalDate first = LocalDate.of(year, month, 1);
		if (day > first.lengthOfMonth()) {
			return Long.MIN_VALUE;
		}
		return (first.toEpochDay() + day - 1) * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds;
	}

	private static int nanos(String text) {
		if (text.charAt(19) != '.') {
			return 0;
		}
		int nanos = 0;
		int scale = 100_000_000;
		for (int i = 20; isDigit(text.charAt(i)); i++) {
			nanos += (text.charAt(i) - '0') * scale;
			scale /= 10;
		}
		return nanos;
	}

	/** The number written by {@code count} ASCII digits from {@code from}, or -1. */
	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
