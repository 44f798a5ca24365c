package cn.qinglang.inspect.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.qinglang.batch.aggregate.AggregateTable;
import cn.qinglang.batch.aggregate.DashboardAggregates;

/**
 * A small data set whose KPIs are computed by hand in the tests: two enterprises of
 * Daxing (fanxing, a dissemination platform; wangshu-info, a generation provider) in the
 * two weeks from Monday 2025-10-06, and one metric in the fortnight before. A third
 * Daxing enterprise (zhiwei-soft) has no data. Inserted once per test database, then the
 * aggregates of the touched days are brought up to date as a feed run would.
 */
public final class KnownDataSet {

	public static final long PLATFORM = 37;

	public static final long PROVIDER = 57;

	public static final String PLATFORM_USER = "fanxing";

	public static final String PLATFORM_NAME = "北京繁星创想网络技术有限公司";

	public static final String PROVIDER_NAME = "北京望舒未来信息技术有限公司";

	public static final String DAXING = "110115";

	/** The period of the data set: two whole weeks. */
	public static final String PERIOD = "preset=CUSTOM&from=2025-10-06&to=2025-10-19";

	public static final LocalDate FROM = LocalDate.of(2025, 10, 6);

	public static final LocalDate TO = LocalDate.of(2025, 10, 19);

	private KnownDataSet() {
	}

	public static synchronized void ensure(JdbcClient jdbc, DashboardAggregates aggregates, TransactionTemplate tx) {
		if (jdbc.sql("SELECT COUNT(*) FROM labeling_metric WHERE platform_id LIKE 'known-%'")
			.query(Long.class)
			.single() > 0) {
			return;
		}
		tx.executeWithoutResult((status) -> {
			metric("known-m1", PLATFORM, "2025-10-06", "TEXT", 100, 80, 60, 10, 20, 50, 10, 4, 2, jdbc);
			metric("known-m2", PLATFORM, "2025-10-14", "IMAGE", 100, 100, 90, 0, 10, 70, 0, 0, 1, jdbc);
			metric("known-m3", PROVIDER, "2025-10-07", "VIDEO", 50, 25, 0, 0, 0, 0, 0, 0, 0, jdbc);
			metric("known-m0", PLATFORM, "2025-09-29", "TEXT", 100, 50, 50, 0, 0, 50, 0, 0, 0, jdbc);
			// handled after 30 minutes, 10 hours and 30 hours; one still open
			complaint("known-c1", "2025-10-06 02:00:00", "2025-10-06 02:30:00", "TEXT", "RUMOR", jdbc);
			complaint("known-c2", "2025-10-06 03:00:00", "2025-10-06 13:00:00", "TEXT", "FABRICATION", jdbc);
			complaint("known-c3", "2025-10-15 01:00:00", "2025-10-16 07:00:00", "IMAGE", "RUMOR", jdbc);
			complaint("known-c4", "2025-10-15 02:00:00", null, "IMAGE", "INFRINGEMENT_VOICE", jdbc);
			action("known-a1", "2025-10-08", "PLATFORM", "CONTENT_REMOVED", "RUMOR", 5, null, jdbc);
			action("known-a2", "2025-10-09", "REGULATOR", "FINE", "UNLABELED_AI_CONTENT", 1, "20000.00", jdbc);
			refresh(aggregates, AggregateTable.METRIC, PLATFORM, "2025-10-06", "2025-10-14", "2025-09-29");
			refresh(aggregates, AggregateTable.METRIC, PROVIDER, "2025-10-07");
			refresh(aggregates, AggregateTable.COMPLAINT, PLATFORM, "2025-10-06", "2025-10-15");
			refresh(aggregates, AggregateTable.COMPLAINT_CATEGORY, PLATFORM, "2025-10-06", "2025-10-15");
			refresh(aggregates, AggregateTable.ACTION, PLATFORM, "2025-10-08", "2025-10-09");
		});
	}

	private static void refresh(DashboardAggregates aggregates, AggregateTable table, long enterprise, String... days) {
		aggregates.refresh(table, enterprise, List.of(days).stream().map(LocalDate::parse).toList());
	}

	private static void metric(String id, long enterprise, String day, String type, long published, long explicit,
			long implicit, long declared, long detected, long verified, long filed, long upheld, long tampering,
			JdbcClient jdbc) {
		jdbc.sql("""
				INSERT INTO labeling_metric (enterprise_id, platform_id, day, content_type, published, explicit_labeled,
				  implicit_labeled, user_declared, platform_detected, verified, appeals_filed, appeals_upheld,
				  tampering_detected, last_run_id)
				VALUES (:e, :id, :day, :type, :p, :x, :i, :d, :t, :v, :f, :u, :m, 0)""")
			.param("e", enterprise)
			.param("id", id)
			.param("day", LocalDate.parse(day))
			.param("type", type)
			.param("p", published)
			.param("x", explicit)
			.param("i", implicit)
			.param("d", declared)
			.param("t", detected)
			.param("v", verified)
			.param("f", filed)
			.param("u", upheld)
			.param("m", tampering)
			.update();
	}

	/** Times in UTC; the day is Beijing's. */
	private static void complaint(String id, String receivedUtc, String handledUtc, String type, String category,
			JdbcClient jdbc) {
		jdbc.sql(
				"""
						INSERT INTO complaint (enterprise_id, platform_id, received_at, received_day, category, campaign_category,
						  content_type, channel, status, handled_at, outcome, last_run_id)
						VALUES (:e, :id, :received, DATE(CONVERT_TZ(:received, '+00:00', '+08:00')), :category,
						  :campaign, :type, 'IN_APP_REPORT', :status, :handled, :outcome, 0)""")
			.param("e", PLATFORM)
			.param("id", id)
			.param("received", receivedUtc)
			.param("category", category)
			.param("campaign", switch (category) {
				case "RUMOR" -> "RUMOR";
				case "FABRICATION" -> "FAKE_INFORMATION";
				case "INFRINGEMENT_VOICE" -> "INFRINGEMENT";
				default -> null;
			})
			.param("type", type)
			.param("status", (handledUtc != null) ? "HANDLED" : "RECEIVED")
			.param("handled", handledUtc)
			.param("outcome", (handledUtc != null) ? "CONTENT_REMOVED" : null)
			.update();
	}

	private static void action(String id, String day, String actor, String type, String category, long count,
			String amount, JdbcClient jdbc) {
		jdbc.sql(
				"""
						INSERT INTO enforcement_action (enterprise_id, platform_id, day, actor, action_type, category, item_count,
						  amount, last_run_id)
						VALUES (:e, :id, :day, :actor, :type, :category, :count, :amount, 0)""")
			.param("e", PLATFORM)
			.param("id", id)
			.param("day", LocalDate.parse(day))
			.param("actor", actor)
			.param("type", type)
			.param("category", category)
			.param("count", count)
			.param("amount", (amount != null) ? new BigDecimal(amount) : null)
			.update();
	}

}
