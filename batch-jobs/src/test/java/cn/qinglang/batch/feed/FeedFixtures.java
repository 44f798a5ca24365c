package cn.qinglang.batch.feed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the feed tests set up in the database: an enterprise of their own and its pull
 * feed.
 */
final class FeedFixtures {

	private FeedFixtures() {
	}

	/** A new enterprise, with a valid-looking credit code of its own; its id. */
	static long newEnterprise(JdbcClient jdbc, String name) {
		String code = "t" + System.nanoTime();
		jdbc.sql("""
				INSERT INTO enterprise (code, name_zh, credit_code, kind, jurisdiction_code)
				VALUES (:code, :name, :credit, 'DISSEMINATION_PLATFORM', '110108')""")
			.param("code", code)
			.param("name", name)
			.param("credit", "911101" + code.substring(code.length() - 9) + "XYZ")
			.update();
		return jdbc.sql("SELECT id FROM enterprise WHERE code = :code").param("code", code).query(Long.class).single();
	}

	/** The enterprise's feed, enabled, pulling from the platform with its token. */
	static void pullFeed(JdbcClient jdbc, TokenCipher cipher, long enterpriseId, SimulatedPlatform platform) {
		jdbc.sql(
				"""
						INSERT INTO feed (enterprise_id, base_url, token_ciphertext, enabled) VALUES (:e, :url, :token, TRUE)""")
			.param("e", enterpriseId)
			.param("url", platform.baseUrl())
			.param("token", cipher.encrypt(SimulatedPlatform.TOKEN))
			.update();
	}

	/** Complaints {@code p0} … received on twenty days from 2026-05-01, all valid. */
	static List<String> complaints(String creditCode, int n) {
		List<String> records = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			records.add("{\"type\":\"complaint\",\"id\":\"p" + i + "\",\"enterprise\":\"" + creditCode
					+ "\",\"received_at\":\"" + LocalDate.of(2026, 5, 1).plusDays(i % 20)
					+ "T09:30:00+08:00\",\"category\":\"FABRICATION\",\"content_type\":\"VIDEO\","
					+ "\"channel\":\"IN_APP_REPORT\",\"status\":\"RECEIVED\",\"summary\":\"合成视频未标识\"}");
		}
		return records;
	}

	/** The enterprise's rows of a record table. */
	static long count(JdbcClient jdbc, String table, long enterpriseId) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE enterprise_id = :e")
			.param("e", enterpriseId)
			.query(Long.class)
			.single();
	}

}
