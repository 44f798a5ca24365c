package cn.qinglang.batch.aggregate;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.qinglang.batch.records.PlatformInterface.ComplaintCategory;
import cn.qinglang.batch.records.PlatformInterface.ContentType;

/**
 * One table of dashboard aggregates: its keys besides grain, period and enterprise, its
 * summed measures, and how a day's rows are computed from the raw records. Rows of the
 * coarser grains are sums of the day rows, so only the day rows know the raw tables.
 * <p>
 * One key is rolled up: beside the rows of each of its values, every period and
 * enterprise has rows with {@value #ALL} in it that sum them (the other keys kept). A
 * dashboard that neither groups by that key nor filters on it reads those alone: a fifth
 * of the rows of the content types, a thirteenth of those of the categories. The key
 * follows the grain in the primary key, so that the rows of one of its values lie
 * together. A reader picks its values of the key ({@link #rollUpRows}): reading both
 * kinds would count twice.
 */
public enum AggregateTable {

	METRIC("metric_agg", "day", "LABELING_METRIC", List.of("content_type"), "content_type",
			List.of("records", "published", "explicit_labeled", "implicit_labeled", "user_declared",
					"platform_detected", "verified", "appeals_filed", "appeals_upheld", "tampering_detected"),
			"""
					SELECT 'D' AS grain, x.day AS period_start, x.enterprise_id, x.content_type, COUNT(*) AS records,
					  SUM(x.published) AS published, SUM(x.explicit_labeled) AS explicit_labeled,
					  SUM(x.implicit_labeled) AS implicit_labeled, SUM(x.user_declared) AS user_declared,
					  SUM(x.platform_detected) AS platform_detected, SUM(x.verified) AS verified,
					  SUM(x.appeals_filed) AS appeals_filed, SUM(x.appeals_upheld) AS appeals_upheld,
					  SUM(x.tampering_detected) AS tampering_detected
					FROM labeling_metric x
					WHERE %s
					GROUP BY x.day, x.enterprise_id, x.content_type"""),

	COMPLAINT("complaint_agg", "received_day", "COMPLAINT", List.of("content_type"), "content_type",
			Stream.concat(Stream.of("received", "handled"), HandlingBuckets.columns().stream()).toList(),
			"""
					SELECT 'D' AS grain, t.received_day AS period_start, t.enterprise_id, t.content_type,
					  SUM(t.n) AS received, SUM(t.closed * t.n) AS handled, %s
					FROM (SELECT x.received_day, x.enterprise_id, x.content_type,
					        x.status IN ('HANDLED', 'DISMISSED') AS closed,
					        %s AS bucket, COUNT(*) AS n
					      FROM complaint x
					      WHERE %%s
					      GROUP BY 1, 2, 3, 4, 5) t
					GROUP BY t.received_day, t.enterprise_id, t.content_type""".formatted(
					HandlingBuckets.columns()
						.stream()
						.map((column) -> "SUM((t.bucket <=> %s) * t.n) AS %s".formatted(column.substring(2), column))
						.collect(Collectors.joining(", ")),
					HandlingBuckets.bucketOf(
							"CASE WHEN x.status IN ('HANDLED', 'DISMISSED') THEN TIMESTAMPDIFF(SECOND, x.received_at, x.handled_at) END"))),

	COMPLAINT_CATEGORY("complaint_category_agg", "received_day", "COMPLAINT", List.of("content_type", "category"),
			"content_type", List.of("received", "handled"), """
					SELECT 'D' AS grain, x.received_day AS period_start, x.enterprise_id, x.content_type, x.category,
					  COUNT(*) AS received, SUM(x.status IN ('HANDLED', 'DISMISSED')) AS handled
					FROM complaint x
					WHERE %s
					GROUP BY x.received_day, x.enterprise_id, x.content_type, x.category"""),

	ACTION("action_agg", "day", "ENFORCEMENT_ACTION", List.of("action_type", "category"), "category",
			List.of("records", "items", "amount"), """
					SELECT 'D' AS grain, x.day AS period_start, x.enterprise_id, x.action_type, x.category,
					  COUNT(*) AS records, SUM(x.item_count) AS items, COALESCE(SUM(x.amount), 0) AS amount
					FROM enforcement_action x
					WHERE %s
					GROUP BY x.day, x.enterprise_id, x.action_type, x.category""");

	/** The value of the rolled-up key in the rows that sum all its values. */
	public static final String ALL = "*";

	private final String table;

	private final String rawDay;

	// the record type under which feed_run_day holds a run's days of the raw records
	private final String recordType;

	private final List<String> keys;

	private final String rollUpKey;

	private final List<String> measures;

	private final String rawDaily;

	AggregateTable(String table, String rawDay, String recordType, List<String> keys, String rollUpKey,
			List<String> measures, String rawDaily) {
		this.table = table;
		this.rawDay = rawDay;
		this.recordType = recordType;
		this.keys = keys;
		this.rollUpKey = rollUpKey;
		this.measures = measures;
		this.rawDaily = rawDaily;
	}

	public String table() {
		return this.table;
	}

	/** Keys besides grain, period_start and enterprise_id. */
	public List<String> keys() {
		return this.keys;
	}

	/** The key whose {@value #ALL} rows sum its values. */
	public String rollUpKey() {
		return this.rollUpKey;
	}

	/**
	 * The values of the rolled-up key that a reader of this table reads: every value of
	 * its own when it groups by the key, the content type it filters on when that is the
	 * key, or else the rows that sum them all.
	 * @param groupedByKey whether the reader groups by the rolled-up key
	 * @param contentType the content type the reader keeps, or null for all
	 */
	public List<String> rollUpRows(boolean groupedByKey, ContentType contentType) {
		boolean byContentType = "content_type".equals(this.rollUpKey);
		if (groupedByKey) {
			Enum<?>[] values = byContentType ? ContentType.values() : ComplaintCategory.values();
			return Arrays.stream(values).map(Enum::name).toList();
		}
		return List.of((byContentType && contentType != null) ? contentType.name() : ALL);
	}

	public List<String> measures() {
		return this.measures;
	}

	/** The raw records' day column, for conditions on {@code x}. */
	public String rawDay() {
		return this.rawDay;
	}

	/**
	 * A SELECT of day rows, shaped like this table's rows, computed from the raw records
	 * ({@code x}) that meet the condition.
	 */
	public String rawDaily(String condition) {
		return this.rawDaily.formatted(condition);
	}

	/** All columns, in table order. */
	List<String> columns() {
		return Stream.of(List.of("grain", "period_start", "enterprise_id"), this.keys, this.measures)
			.flatMap(List::stream)
			.toList();
	}

	/**
	 * The record type under which {@code feed_run_day} holds the days of a run's records
	 * (and the days its updates moved records away from) that this table sums.
	 */
	String recordType() {
		return this.recordType;
	}

	/**
	 * An INSERT of the rows of a coarser grain summed from the day rows that meet the
	 * condition; {@code periodOf} turns {@code d.period_start} into the period's first
	 * day.
	 */
	String rollUp(String grain, String periodOf, String condition) {
		String keyList = this.keys.stream().map((key) -> "d." + key).collect(Collectors.joining(", "));
		String sums = String.join(", ", summedMeasures());
		return """
				INSERT INTO %1$s (%2$s)
				SELECT '%3$s', %4$s, d.enterprise_id, %5$s, %6$s
				FROM %1$s d
				WHERE d.grain = 'D' AND %7$s
				GROUP BY 2, d.enterprise_id, %5$s""".formatted(this.table, String.join(", ", columns()), grain,
				periodOf, keyList, sums, condition);
	}

	/**
	 * An INSERT of the day rows that sum the rolled-up key's values, from the other day
	 * rows ({@code d}) that meet the condition.
	 */
	String insertAll(String condition) {
		List<String> others = this.keys.stream().filter((key) -> !key.equals(this.rollUpKey)).toList();
		List<String> otherKeys = others.stream().map((key) -> "d." + key).toList();
		List<String> columns = Stream
			.of(List.of("grain", "period_start", "enterprise_id", this.rollUpKey), others, this.measures)
			.flatMap(List::stream)
			.toList();
		List<String> selected = Stream
			.of(List.of("'D'", "d.period_start", "d.enterprise_id", "'" + ALL + "'"), otherKeys, summedMeasures())
			.flatMap(List::stream)
			.toList();
		List<String> groups = Stream.concat(Stream.of("d.period_start", "d.enterprise_id"), otherKeys.stream())
			.toList();
		return """
				INSERT INTO %1$s (%2$s)
				SELECT %3$s
				FROM %1$s d
				WHERE d.grain = 'D' AND d.%4$s <> '%5$s' AND %6$s
				GROUP BY %7$s""".formatted(this.table, String.join(", ", columns), String.join(", ", selected),
				this.rollUpKey, ALL, condition, String.join(", ", groups));
	}

	/** {@code SUM(d.measure)} of each measure, in order. */
	private List<String> summedMeasures() {
		return this.measures.stream().map((measure) -> "SUM(d.%s)".formatted(measure)).toList();
	}

	/** An INSERT of day rows from the raw records that meet the condition. */
	String insertDaily(String condition) {
		return "INSERT INTO %s (%s) %s".formatted(this.table, String.join(", ", columns()), rawDaily(condition));
	}

}
