package cn.qinglang.inspect.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.inspect.support.PortalClient;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push API over real HTTP, through its security and the one pipeline: an answer per
 * record, another enterprise's record refused, the sandbox storing nothing, a repeated
 * request changing nothing, concurrent pushes of the same ids never duplicating, and the
 * tokens that are refused.
 */
@PortalTest
class PushApiIT {

	private static final long ENTERPRISE = 1;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	PushService service;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	String token;

	String prefix;

	@BeforeEach
	void makeToken() {
		this.token = this.tokens.create(ENTERPRISE, "test", Instant.now().plus(1, ChronoUnit.DAYS), false, "qingqiong")
			.token();
		this.prefix = "push-" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	@Test
	void answersEveryRecordAndStoresOnlyTheGoodOnesOfItsOwnEnterprise() throws Exception {
		String other = this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id <> :e ORDER BY id LIMIT 1")
			.param("e", ENTERPRISE)
			.query(String.class)
			.single();
		String body = String.join("\n", complaint(this.prefix + "1", credit(), "RECEIVED"),
				complaint(this.prefix + "2", credit(), "RECEIVED").replace("\"category\":\"RUMOR\",", ""),
				complaint(this.prefix + "3", other, "RECEIVED"), "{not json",
				complaint(this.prefix + "4", credit(), "RECEIVED").replace("\"status\":\"RECEIVED\"",
						"\"status\":\"LOST\""));

		HttpResponse<String> response = post(body, this.token, Map.of());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode answer = this.json.readTree(response.body());
		assertThat(answer.get("received").asInt()).isEqualTo(5);
		assertThat(answer.get("created").asInt()).isEqualTo(1);
		assertThat(answer.get("rejected").asInt()).isEqualTo(4);
		JsonNode results = answer.get("results");
		assertThat(results.get(0).get("status").asString()).isEqualTo("CREATED");
		assertThat(results.get(0).get("id").asString()).isEqualTo(this.prefix + "1");
		assertThat(results.get(1).get("reason").asString()).isEqualTo("REQUIRED");
		assertThat(results.get(1).get("field").asString()).isEqualTo("category");
		assertThat(results.get(1).get("message").asString()).contains("缺少必填字段");
		assertThat(results.get(2).get("status").asString()).isEqualTo("REJECTED");
		assertThat(results.get(2).get("field").asString()).isEqualTo("enterprise");
		assertThat(results.get(3).get("reason").asString()).isEqualTo("MALFORMED");
		assertThat(results.get(4).get("reason").asString()).isEqualTo("NOT_ALLOWED");
		assertThat(stored(this.prefix + "%")).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM complaint WHERE platform_id = :id")
			.param("id", this.prefix + "3")
			.query(Long.class)
			.single()).as("another enterprise's record is stored for nobody").isZero();
		long run = answer.get("run").asLong();
		Map<String, Object> counts = this.jdbc
			.sql("SELECT source, read_count, written_count, rejected_count FROM feed_run WHERE id = :id")
			.param("id", run)
			.query()
			.singleRow();
		assertThat(counts).containsEntry("source", "PUSH");
		assertThat(((Number) counts.get("read_count")).longValue()).isGreaterThanOrEqualTo(5);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM feed_reject WHERE run_id = :run AND platform_id LIKE :p")
			.param("run", run)
			.param("p", this.prefix + "%")
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM audit_log WHERE action = 'RECORDS_PUSHED' AND target_id = :run
				  AND actor = :actor""")
			.param("run", String.valueOf(run))
			.param("actor", "token " + this.token.substring(0, 12))
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void everyReasonCodeOfTheInterfaceComesBackBesideTheGoodRecords() throws Exception {
		String p = this.prefix;
		String credit = credit();
		String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
		List<String> lines = List.of(complaint(p + "c1", credit, "RECEIVED"), // 1 good
				"{not json", // 2
				"{\"type\":\"survey\",\"id\":\"" + p + "x1\",\"enterprise\":\"" + credit + "\"}", // 3
				complaint(p + "c2", credit, "RECEIVED").replace("\"category\":\"RUMOR\",", ""), // 4
				complaint(p + "c3", credit, "RECEIVED").replace("WEB_FORM", "FAX"), // 5
				metric(p + "m1", credit, "2026-05-18", 100, 101, 2), // 6
				metric(p + "m2", credit, tomorrow, 100, 90, 2), // 7
				metric(p + "m3", credit, "18/05/2026", 100, 90, 2), // 8
				metric(p + "m4", credit, "2026-05-18", -1, 0, 0), // 9
				complaint(p + "c4", credit, "HANDLED").replace("\"summary\"",
						"\"handled_at\":\"2026-05-19T08:00:00+08:00\",\"outcome\":\"CONTENT_REMOVED\",\"summary\""), // 10
				complaint(p + "c5", credit, "RECEIVED").replace("推送测试", "长".repeat(501)), // 11
				"{\"type\":\"enforcement_action\",\"id\":\"" + p + "a1\",\"enterprise\":\"" + credit
						+ "\",\"date\":\"2026-06-01\",\"actor\":\"REGULATOR\",\"action_type\":\"FINE\","
						+ "\"category\":\"INFRINGEMENT_VOICE\",\"count\":3}", // 12
				complaint(p + "c6", credit, "RECEIVED"), // 13 the same id as 14: the
															// later kept
				complaint(p + "c6", credit, "RECEIVED"), // 14
				metric(p + "m5", credit, "2026-05-18", 100, 90, 2)); // 15 good
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
		body.write("\n{\"type\":\"complaint\",\"summary\":\"".getBytes(StandardCharsets.UTF_8));
		body.write(new byte[] { (byte) 0xC3, (byte) 0x28 }); // 16: not UTF-8
		body.write("\"}".getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> response = this.http.send(
				request(Map.of(), this.token).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<Integer, String> answered = new java.util.TreeMap<>();
		this.json.readTree(response.body())
			.get("results")
			.forEach((item) -> answered.put(item.get("position").asInt(),
					"REJECTED".equals(item.get("status").asString())
							? item.get("field").asString() + " " + item.get("reason").asString()
							: item.get("status").asString()));
		assertThat(answered).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.ofEntries(Map.entry(1, "CREATED"),
				Map.entry(2, "(record) MALFORMED"), Map.entry(3, "type UNKNOWN_TYPE"),
				Map.entry(4, "category REQUIRED"), Map.entry(5, "channel NOT_ALLOWED"),
				Map.entry(6, "explicit_labeled ABOVE_TOTAL"), Map.entry(7, "date IN_FUTURE"),
				Map.entry(8, "date WRONG_TYPE"), Map.entry(9, "published OUT_OF_RANGE"),
				Map.entry(10, "handled_at HANDLED_BEFORE_RECEIVED"), Map.entry(11, "summary TOO_LONG"),
				Map.entry(12, "amount INCONSISTENT"), Map.entry(13, "id DUPLICATE_ID"), Map.entry(14, "CREATED"),
				Map.entry(15, "CREATED"), Map.entry(16, "(record) ENCODING"))));
		assertThat(stored(p + "%")).isEqualTo(2);
	}

	private static String metric(String id, String credit, String date, long published, long explicit, long upheld) {
		return "{\"type\":\"labeling_metric\",\"id\":\"" + id + "\",\"enterprise\":\"" + credit + "\",\"date\":\""
				+ date + "\",\"content_type\":\"IMAGE\",\"published\":" + published + ",\"explicit_labeled\":"
				+ explicit + ",\"implicit_labeled\":0,\"user_declared\":0,\"platform_detected\":0,\"verified\":0,"
				+ "\"appeals_filed\":5,\"appeals_upheld\":" + upheld + ",\"tampering_detected\":0}";
	}

	@Test
	void tellsCreatedUpdatedAndUnchangedAndAnswersInEnglishOnRequest() throws Exception {
		String first = complaint(this.prefix + "1", credit(), "RECEIVED");
		assertThat(statuses(post(first, this.token, Map.of()))).containsExactly("CREATED");
		assertThat(statuses(post(first, this.token, Map.of()))).containsExactly("UNCHANGED");
		// a stored id beside a new one: the straight load of new records is undone and
		// the request classified
		assertThat(statuses(
				post(first + "\n" + first.replace(this.prefix + "1", this.prefix + "3"), this.token, Map.of())))
			.containsExactly("UNCHANGED", "CREATED");
		assertThat(stored(this.prefix + "3")).isEqualTo(1);
		assertThat(stored(this.prefix + "1")).isEqualTo(1);
		String handled = complaint(this.prefix + "1", credit(), "HANDLED").replace("\"summary\"",
				"\"handled_at\":\"2026-05-21T09:30:00+08:00\",\"outcome\":\"CONTENT_REMOVED\",\"summary\"");
		HttpResponse<String> updated = post(
				handled + "\n"
						+ first.replace(this.prefix + "1", this.prefix + "2").replace("\"category\":\"RUMOR\",", ""),
				this.token, Map.of("Accept-Language", "en"));
		assertThat(statuses(updated)).containsExactly("UPDATED", "REJECTED");
		assertThat(this.json.readTree(updated.body()).get("results").get(1).get("message").asString())
			.doesNotContain("缺少");
		assertThat(this.jdbc.sql("SELECT status FROM complaint WHERE platform_id = :id")
			.param("id", this.prefix + "1")
			.query(String.class)
			.single()).isEqualTo("HANDLED");
	}

	@Test
	void pushedRecordsReachTheDashboardsAggregates() throws Exception {
		String day = "2026-05-20";
		// what the class's other pushes left pending, aggregated first
		this.service.aggregatePushes();
		long before = receivedOn(day);
		String body = String.join("\n", complaint(this.prefix + "1", credit(), "RECEIVED"),
				complaint(this.prefix + "2", credit(), "RECEIVED"), complaint(this.prefix + "3", credit(), "RECEIVED"));
		assertThat(statuses(post(body, this.token, Map.of()))).containsOnly("CREATED");

		this.service.aggregatePushes();

		assertThat(receivedOn(day)).isEqualTo(before + 3);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM feed_run_day d JOIN feed_run r ON r.id = d.run_id
				WHERE r.source = 'PUSH' AND r.enterprise_id = :e""").param("e", ENTERPRISE).query(Long.class).single())
			.as("the days pushed are aggregated and forgotten")
			.isZero();
	}

	@Test
	void theAggregationRunsBesidePushesAndKeepsADayAPushNotedMeanwhile() throws Exception {
		this.service.aggregatePushes();
		HttpResponse<String> pushed = post(complaint(this.prefix + "1", credit(), "RECEIVED"), this.token, Map.of());
		long run = this.json.readTree(pushed.body()).get("run").asLong();
		// a push of the same day, not yet committed, holds the day's row
		try (java.sql.Connection push = this.dataSource.getConnection()) {
			push.setAutoCommit(false);
			try (java.sql.Statement statement = push.createStatement()) {
				statement.executeUpdate("INSERT INTO feed_run_day (run_id, record_type, day) VALUES (" + run
						+ ", 'COMPLAINT', '2026-05-20') ON DUPLICATE KEY UPDATE touches = touches + 1");
			}
			ExecutorService aggregation = Executors.newSingleThreadExecutor();
			try {
				Future<Integer> refreshed = aggregation.submit(this.service::aggregatePushes);
				// the aggregation has computed the day and waits for the row to forget it
				for (int i = 0; i < 200 && lockWaits() == 0; i++) {
					Thread.sleep(25);
				}
				assertThat(lockWaits()).as("the aggregation waits for the push's row only").isEqualTo(1);
				push.commit();
				assertThat(refreshed.get()).isEqualTo(1);
			}
			finally {
				aggregation.shutdown();
			}
		}
		assertThat(this.jdbc.sql("SELECT touches FROM feed_run_day WHERE run_id = :run")
			.param("run", run)
			.query(Long.class)
			.list()).as("noted again meanwhile: kept for the next refresh").containsExactly(2L);
		assertThat(this.service.aggregatePushes()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM feed_run_day WHERE run_id = :run")
			.param("run", run)
			.query(Long.class)
			.single()).isZero();
	}

	private long lockWaits() {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM information_schema.PROCESSLIST
				WHERE INFO LIKE 'DELETE FROM feed_run_day%' AND TIME_MS > 0""").query(Long.class).single();
	}

	private long receivedOn(String day) {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(received), 0) FROM complaint_agg
				WHERE grain = 'D' AND content_type = '*' AND enterprise_id = :e AND period_start = :day""")
			.param("e", ENTERPRISE)
			.param("day", java.time.LocalDate.parse(day))
			.query(Long.class)
			.single();
	}

	@Test
	void aJsonArrayGzippedIsReadAndAnIdTwiceKeepsTheLaterOne() throws Exception {
		String array = "[" + complaint(this.prefix + "1", credit(), "RECEIVED") + ","
				+ complaint(this.prefix + "1", credit(), "RECEIVED").replace("RUMOR", "FABRICATION") + "]";
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
			out.write(array.getBytes(StandardCharsets.UTF_8));
		}
		HttpResponse<String> response = this.http.send(request(Map.of("Content-Encoding", "gzip"), this.token)
			.POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(statuses(response)).containsExactly("REJECTED", "CREATED");
		assertThat(this.json.readTree(response.body()).get("results").get(0).get("reason").asString())
			.isEqualTo("DUPLICATE_ID");
		// the same id in another case and with blanks is the same record, as the table's
		// key sees it
		String other = this.prefix + "2";
		assertThat(statuses(post(
				complaint(other, credit(), "RECEIVED") + "\n"
						+ complaint(" " + other.toUpperCase(java.util.Locale.ROOT) + " ", credit(), "RECEIVED"),
				this.token, Map.of())))
			.containsExactly("REJECTED", "CREATED");
		assertThat(stored(other)).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT category FROM complaint WHERE platform_id = :id")
			.param("id", this.prefix + "1")
			.query(String.class)
			.single()).isEqualTo("FABRICATION");
	}

	@Test
	void theSandboxAnswersAsProductionWouldAndStoresNothing() throws Exception {
		String sandbox = this.tokens
			.create(ENTERPRISE, "sandbox", Instant.now().plus(1, ChronoUnit.DAYS), true, "qingqiong")
			.token();
		long runs = this.jdbc.sql("SELECT COUNT(*) FROM feed_run").query(Long.class).single();
		HttpResponse<String> response = post(complaint(this.prefix + "1", credit(), "RECEIVED"), sandbox, Map.of());
		assertThat(statuses(response)).containsExactly("CREATED");
		assertThat(this.json.readTree(response.body()).get("sandbox").asBoolean()).isTrue();
		HttpResponse<String> dryRun = this.http
			.send(request(Map.of(), this.token).uri(URI.create(base() + "?dryRun=true"))
				.POST(HttpRequest.BodyPublishers.ofString(complaint(this.prefix + "2", credit(), "RECEIVED")))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(statuses(dryRun)).containsExactly("CREATED");
		assertThat(stored(this.prefix + "%")).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM feed_run").query(Long.class).single()).isEqualTo(runs);
	}

	@Test
	void aRepeatedRequestWithItsIdempotencyKeyGetsTheFirstAnswerAndChangesNothing() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = complaint(this.prefix + "1", credit(), "RECEIVED");
		HttpResponse<String> first = post(body, this.token, Map.of("Idempotency-Key", key));
		long run = this.json.readTree(first.body()).get("run").asLong();
		long read = readCount(run);
		HttpResponse<String> again = post(body, this.token, Map.of("Idempotency-Key", key));
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(statuses(again)).containsExactly("CREATED");
		assertThat(readCount(run)).isEqualTo(read);
		// the key with another body: a client reusing its keys is told, its records not
		// dropped in silence
		HttpResponse<String> reused = post(complaint(this.prefix + "2", credit(), "RECEIVED"), this.token,
				Map.of("Idempotency-Key", key));
		assertThat(reused.statusCode()).as(reused.body()).isEqualTo(409);
		assertThat(reused.body()).contains("IDEMPOTENCY_KEY_REUSED");
		assertThat(stored(this.prefix + "2")).isZero();
		// kept for a week, then forgotten
		this.jdbc.sql("UPDATE push_request SET created_at = created_at - INTERVAL 8 DAY WHERE idempotency_key = :k")
			.param("k", key)
			.update();
		assertThat(this.service.forgetOldAnswers()).isPositive();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM push_request WHERE idempotency_key = :k")
			.param("k", key)
			.query(Long.class)
			.single()).isZero();
		// keys are compared exactly: another case is another key
		assertThat(statuses(post(complaint(this.prefix + "2", credit(), "RECEIVED"), this.token,
				Map.of("Idempotency-Key", key.toUpperCase(java.util.Locale.ROOT)))))
			.containsExactly("CREATED");
	}

	@Test
	void concurrentPushesOfTheSameIdsNeverDuplicate() throws Exception {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 50; i++) {
			body.append(complaint(this.prefix + i, credit(), "RECEIVED")).append('\n');
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<HttpResponse<String>>> sent = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				sent.add(pool.submit(() -> post(body.toString(), this.token, Map.of())));
			}
			List<String> all = new ArrayList<>();
			for (Future<HttpResponse<String>> response : sent) {
				all.addAll(statuses(response.get()));
			}
			assertThat(all).hasSize(200);
			assertThat(all.stream().filter("CREATED"::equals).count()).isEqualTo(50);
			assertThat(all.stream().filter("UNCHANGED"::equals).count()).isEqualTo(150);
		}
		finally {
			pool.shutdown();
		}
		assertThat(stored(this.prefix + "%")).isEqualTo(50);
	}

	@Test
	void concurrentRequestsOfOneTokenTakePlacesOfTheirOwnAndAddUpExactly() throws Exception {
		long run = this.json
			.readTree(post(complaint(this.prefix + "first", credit(), "RECEIVED"), this.token, Map.of()).body())
			.get("run")
			.asLong();
		long before = readCount(run);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<HttpResponse<String>>> sent = new ArrayList<>();
			for (int request = 0; request < 8; request++) {
				StringBuilder body = new StringBuilder();
				for (int i = 0; i < 40; i++) {
					body.append(complaint(this.prefix + request + "-" + i, credit(), "RECEIVED")).append('\n');
				}
				// one refused record in each, stored with its place in the run
				body.append(complaint(this.prefix + request + "-bad", credit(), "LOST")).append('\n');
				sent.add(pool.submit(() -> post(body.toString(), this.token, Map.of())));
			}
			for (Future<HttpResponse<String>> response : sent) {
				List<String> statuses = statuses(response.get());
				assertThat(statuses).hasSize(41);
				assertThat(statuses.stream().filter("CREATED"::equals).count()).isEqualTo(40);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(stored(this.prefix + "%")).isEqualTo(1 + 8 * 40);
		Map<String, Object> counts = this.jdbc
			.sql("SELECT read_count, written_count, rejected_count, next_position FROM feed_run WHERE id = :id")
			.param("id", run)
			.query()
			.singleRow();
		assertThat(((Number) counts.get("read_count")).longValue() - before).isEqualTo(8 * 41);
		assertThat(((Number) counts.get("next_position")).longValue()).as("no request failed: no place left unused")
			.isEqualTo(((Number) counts.get("read_count")).longValue());
		List<Long> places = this.jdbc
			.sql("SELECT position FROM feed_reject WHERE run_id = :run AND platform_id LIKE :p ORDER BY position")
			.param("run", run)
			.param("p", this.prefix + "%")
			.query(Long.class)
			.list();
		assertThat(places).hasSize(8).doesNotHaveDuplicates();
		// each request's refused record is its 41st: its place is a multiple of 41 after
		// the places taken before
		assertThat(places).allSatisfy((place) -> assertThat((place - before) % 41).isZero());
	}

	@Test
	void aMissingRevokedOrExpiredTokenOrASessionCookieIsRefused() throws Exception {
		String body = complaint(this.prefix + "1", credit(), "RECEIVED");
		assertThat(this.http
			.send(HttpRequest.newBuilder(URI.create(base())).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
		assertThat(post(body, "qlt_" + "x".repeat(43), Map.of()).statusCode()).isEqualTo(401);
		ApiTokens.NewToken revoked = this.tokens.create(ENTERPRISE, "revoked", Instant.now().plus(1, ChronoUnit.DAYS),
				false, "qingqiong");
		this.tokens.revoke(revoked.id(), "qingqiong");
		assertThat(post(body, revoked.token(), Map.of()).statusCode()).isEqualTo(401);
		String expired = this.tokens.create(ENTERPRISE, "expired", Instant.now().minusSeconds(1), false, "qingqiong")
			.token();
		assertThat(post(body, expired, Map.of()).statusCode()).isEqualTo(401);
		// the session of a signed-in user of the same enterprise is no token
		PortalClient signedIn = new PortalClient(this.port);
		signedIn.signIn("qingqiong", SignIn.DEMO_PASSWORD);
		assertThat(signedIn.sessionCookie()).isNotNull();
		HttpResponse<String> cookie = this.http.send(HttpRequest.newBuilder(URI.create(base()))
			.header("Cookie", PortalClient.SESSION_COOKIE + "=" + signedIn.sessionCookie())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(cookie.statusCode()).isEqualTo(401);
		assertThat(stored(this.prefix + "%")).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'PUSH_REFUSED'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void anUnreadableBodyIsA400AndAnEmptyOne() throws Exception {
		assertThat(post("[{\"type\":", this.token, Map.of()).statusCode()).isEqualTo(400);
		assertThat(post("   ", this.token, Map.of()).statusCode()).isEqualTo(400);
	}

	@Test
	void pastTheTokensRateTheAnswerIs429WithRetryAfter() throws Exception {
		String body = complaint(this.prefix + "1", credit(), "RECEIVED");
		HttpResponse<String> limited = null;
		for (int i = 0; i < 200 && limited == null; i++) {
			HttpResponse<String> response = this.http
				.send(request(Map.of(), this.token).uri(URI.create(base() + "?dryRun=true"))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 429) {
				limited = response;
			}
			else {
				assertThat(response.statusCode()).isEqualTo(200);
			}
		}
		assertThat(limited).as("a 429 within 200 requests").isNotNull();
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void aRecordSentByMistakeIsWithdrawnArchivedAuditedAndLeavesTheAggregates() throws Exception {
		String day = "2026-05-20";
		String id = this.prefix + "mistake";
		assertThat(statuses(post(complaint(id, credit(), "RECEIVED"), this.token, Map.of()))).containsOnly("CREATED");
		this.service.aggregatePushes();
		long received = receivedOn(day);

		HttpResponse<String> withdrawn = delete("complaint/" + id, this.token);

		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
		assertThat(this.json.readTree(withdrawn.body()).get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(stored(id)).isZero();
		assertThat(this.jdbc.sql("""
				SELECT JSON_VALUE(stored, '$.status') FROM withdrawn_record
				WHERE enterprise_id = :e AND record_type = 'COMPLAINT' AND platform_id = :id""")
			.param("e", ENTERPRISE)
			.param("id", id)
			.query(String.class)
			.single()).as("kept in the archive as it was stored").isEqualTo("RECEIVED");
		this.service.aggregatePushes();
		assertThat(receivedOn(day)).as("its day aggregated again").isEqualTo(received - 1);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM audit_log WHERE action = 'RECORD_WITHDRAWN' AND detail LIKE :id""")
			.param("id", "%" + id + "%")
			.query(Long.class)
			.single()).isEqualTo(1);

		HttpResponse<String> again = delete("complaint/" + id, this.token);
		assertThat(again.statusCode()).as("gone either way").isEqualTo(404);
		assertThat(this.json.readTree(again.body()).get("status").asString()).isEqualTo("NOT_FOUND");
		assertThat(statuses(post(complaint(id, credit(), "RECEIVED"), this.token, Map.of())))
			.as("sent again, stored anew")
			.containsExactly("CREATED");
	}

	@Test
	void aWithdrawalTouchesOnlyItsOwnEnterpriseAndTheSandboxChangesNothing() throws Exception {
		String other = this.tokens.create(2, "other", Instant.now().plus(1, ChronoUnit.DAYS), false, "qingqiong")
			.token();
		String otherCredit = this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id = 2")
			.query(String.class)
			.single();
		String id = this.prefix + "theirs";
		assertThat(statuses(post(complaint(id, otherCredit, "RECEIVED"), other, Map.of()))).containsOnly("CREATED");

		assertThat(delete("complaint/" + id, this.token).statusCode()).as("another enterprise's record").isEqualTo(404);
		assertThat(stored(id)).isEqualTo(1);

		String sandbox = this.tokens.create(2, "sandbox", Instant.now().plus(1, ChronoUnit.DAYS), true, "qingqiong")
			.token();
		HttpResponse<String> tried = delete("complaint/" + id, sandbox);
		assertThat(tried.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(tried.body()).get("sandbox").asBoolean()).isTrue();
		assertThat(delete("complaint/" + id + "?dryRun=true", other).statusCode()).isEqualTo(200);
		assertThat(stored(id)).as("the sandbox and dryRun change nothing").isEqualTo(1);
		assertThat(delete("enforcement/" + id, other).statusCode()).as("no such type").isEqualTo(400);
		assertThat(delete("complaint/" + id, "qlt_unknown").statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> delete(String path, String token) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(base() + "/" + path))
			.header("Authorization", "Bearer " + token)
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private List<String> statuses(HttpResponse<String> response) throws IOException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> statuses = new ArrayList<>();
		this.json.readTree(response.body())
			.get("results")
			.forEach((item) -> statuses.add(item.get("status").asString()));
		return statuses;
	}

	private HttpResponse<String> post(String body, String token, Map<String, String> headers)
			throws IOException, InterruptedException {
		return this.http.send(request(headers, token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(Map<String, String> headers, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base()))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/x-ndjson");
		headers.forEach(builder::header);
		return builder;
	}

	private String base() {
		return "http://localhost:" + this.port + "/api/v1/records";
	}

	private long stored(String pattern) {
		return this.jdbc.sql("SELECT COUNT(*) FROM complaint WHERE platform_id LIKE :p")
			.param("p", pattern)
			.query(Long.class)
			.single();
	}

	private long readCount(long run) {
		return this.jdbc.sql("SELECT read_count FROM feed_run WHERE id = :id")
			.param("id", run)
			.query(Long.class)
			.single();
	}

	private String credit() {
		return this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :e")
			.param("e", ENTERPRISE)
			.query(String.class)
			.single();
	}

	private static String complaint(String id, String enterprise, String status) {
		return "{\"type\":\"complaint\",\"id\":\"" + id + "\",\"enterprise\":\"" + enterprise
				+ "\",\"received_at\":\"2026-05-20T09:30:00+08:00\",\"category\":\"RUMOR\",\"content_type\":\"TEXT\","
				+ "\"channel\":\"WEB_FORM\",\"status\":\"" + status + "\",\"summary\":\"推送测试\"}";
	}

}
