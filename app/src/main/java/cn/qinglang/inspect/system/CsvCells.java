package cn.qinglang.inspect.system;

/**
 * The portal's one way to write a value into a CSV cell or a spreadsheet cell that a
 * spreadsheet program opens: text that it would run as a formula (starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading
 * apostrophe, and a CSV cell is quoted when it holds a comma, a quote or a line break.
 */
public final class CsvCells {

	private CsvCells() {
	}

	/** Text as a spreadsheet will not run it. */
	public static String neutralised(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

	/** One CSV cell: empty for null, a number as it is, text neutralised and quoted. */
	public static String cell(Object value) {
		if (value == null || "".equals(value)) {
			return "";
		}
		if (value instanceof Number number) {
			return number.toString();
		}
		String text = neutralised(value.toString());
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
