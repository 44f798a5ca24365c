package cn.qinglang.batch.feed;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Rows in the text form of {@code LOAD DATA} with its default options: fields ended by a
 * tab, rows by a newline, {@code \N} for NULL, and a backslash before a backslash, tab,
 * newline, carriage return or NUL in a value. Written straight to UTF-8 bytes.
 */
final class LoadDataRows {

	private byte[] bytes = new byte[1 << 16];

	private int length;

	private int rows;

	private boolean rowStarted;

	int rows() {
		return this.rows;
	}

	/** The rows so far, for the driver to send. */
	InputStream stream() {
		return new ByteArrayInputStream(this.bytes, 0, this.length);
	}

	LoadDataRows number(long value) {
		return ascii(Long.toString(value));
	}

	LoadDataRows decimal(BigDecimal value) {
		return (value != null) ? ascii(value.toPlainString()) : nul();
	}

	LoadDataRows date(LocalDate value) {
		return (value != null) ? ascii(value.toString()) : nul();
	}

	/**
	 * A time as the UTC date and time the columns hold, as the driver writes a
	 * {@link LocalDateTime}: microseconds only if there is a fraction.
	 */
	LoadDataRows time(Instant value) {
		if (value == null) {
			return nul();
		}
		LocalDateTime utc = LocalDateTime.ofEpochSecond(value.getEpochSecond(), 0, ZoneOffset.UTC);
		field();
		ensure(26);
		digits(utc.getYear(), 4).put('-').digits(utc.getMonthValue(), 2).put('-').digits(utc.getDayOfMonth(), 2);
		put(' ').digits(utc.getHour(), 2).put(':').digits(utc.getMinute(), 2).put(':').digits(utc.getSecond(), 2);
		if (value.getNano() != 0) {
			put('.').digits(value.getNano() / 1000, 6);
		}
		return this;
	}

	LoadDataRows text(String value) {
		if (value == null) {
			return nul();
		}
		byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
		field();
		ensure(utf8.length * 2);
		for (byte b : utf8) {
			switch (b) {
				case '\\' -> put('\\').put('\\');
				case '\t' -> put('\\').put('t');
				case '\n' -> put('\\').put('n');
				case '\r' -> put('\\').put('r');
				case 0 -> put('\\').put('0');
				default -> this.bytes[this.length++] = b;
			}
		}
		return this;
	}

	/** An enum's name, or NULL. */
	LoadDataRows code(Enum<?> value) {
		return (value != null) ? ascii(value.name()) : nul();
	}

	LoadDataRows nul() {
		field();
		ensure(2);
		return put('\\').put('N');
	}

	void endRow() {
		ensure(1);
		put('\n');
		this.rowStarted = false;
		this.rows++;
	}

	private LoadDataRows ascii(String value) {
		field();
		ensure(value.length());
		for (int i = 0; i < value.length(); i++) {
			this.bytes[this.length++] = (byte) value.charAt(i);
		}
		return this;
	}

	private void field() {
		if (this.rowStarted) {
			ensure(1);
			put('\t');
		}
		this.rowStarted = true;
	}

	private LoadDataRows digits(int value, int count) {
		for (int i = count - 1; i >= 0; i--) {
			this.bytes[this.length + i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		this.length += count;
		return this;
	}

	private LoadDataRows put(char c) {
		this.bytes[this.length++] = (byte) c;
		return this;
	}

	private void ensure(int more) {
		if (this.length + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
		}
	}

}
