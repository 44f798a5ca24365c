package cn.qinglang.inspect.system;

import java.util.List;

/**
 * One page of a list, numbered from 1.
 */
public record Page<T>(List<T> items, int number, int size, long total) {

	public static int clampNumber(Integer requested) {
		return (requested == null || requested < 1) ? 1 : requested;
	}

	/** Rows before page {@code number} of pages of {@code size} rows. */
	public static long offset(int number, int size) {
		return (long) (number - 1) * size;
	}

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.number > 1;
	}

	public boolean hasNext() {
		return this.number < totalPages();
	}

}
