package cn.qinglang.inspect.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a benchmark checks before it times anything: that the data set it claims to
 * measure is there, whole. A benchmark of an empty database reports fine figures of
 * nothing; a failed premise stops it with its reason instead ({@link Failed}, exit status
 * 1).
 */
public final class BenchPremise {

	private static final Pattern COUNT = Pattern.compile("(labeling_metric|complaint|enforcement_action)=(\\d+)");

	private BenchPremise() {
	}

	/**
	 * The generated national-scale data set of {@code folder}, as {@code .ci/bench}
	 * leaves it: the rows that {@code generate} reported writing (its last line, kept in
	 * {@code generated}) and the database folder itself. Checked before the application
	 * starts, so that no empty database is installed in its place.
	 * @return the rows per table the database must hold
	 */
	public static Map<String, Long> generatedSet(Path folder) {
		Path report = folder.resolve("generated");
		require(Files.isDirectory(folder.resolve("data").resolve("mysql")), "no generated database in "
				+ folder.resolve("data") + ": delete " + folder + " and run the benchmark again to generate it");
		require(Files.isRegularFile(report),
				"no " + report + " (the generator's report): delete " + folder + " and run the benchmark again");
		Map<String, Long> rows = new LinkedHashMap<>();
		try {
			Matcher counts = COUNT.matcher(Files.readString(report, StandardCharsets.UTF_8));
			while (counts.find()) {
				rows.put(counts.group(1), Long.parseLong(counts.group(2)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		require(rows.size() == 3, report + " does not say how many rows were generated (a data set of an older "
				+ "version): delete " + folder + " and run the benchmark again");
		return rows;
	}

	/** Each table holds exactly the rows generated, and some. */
	public static void requireRows(JdbcClient jdbc, Map<String, Long> expected) {
		expected.forEach((table, rows) -> {
			long held = jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
			require(rows > 0 && held == rows, "the database holds " + held + " rows of " + table + ", the data set "
					+ rows + ": the benchmark would not measure the set it names");
		});
	}

	public static void require(boolean holds, String why) {
		if (!holds) {
			throw new Failed(why);
		}
	}

	/** A premise that does not hold. */
	public static final class Failed extends IllegalStateException {

		Failed(String why) {
			super("benchmark premise failed: " + why);
		}

	}

}
