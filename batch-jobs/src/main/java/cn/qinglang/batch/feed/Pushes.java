package cn.qinglang.batch.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.batch.aggregate.DashboardAggregates;
import cn.qinglang.batch.feed.FeedItem.Accepted;
import cn.qinglang.batch.feed.FeedItem.Rejected;
import cn.qinglang.batch.feed.FeedItemWriter.Outcome;
import cn.qinglang.batch.records.RecordType;
import cn.qinglang.batch.records.RejectReason;

/**
 * Records pushed by a platform, through the same pipeline as a pull or an upload: the
 * same validator, the same upsert on (enterprise, platform id), the same reject table,
 * run counts and daily aggregates (brought up to date by {@link #refresh} a few seconds
 * after the request, as a run's are after its last chunk), with an answer for every
 * record. Runs in the caller's transaction: a sandbox request is answered exactly as
 * production would answer it and rolled back.
 */
public class Pushes {

	/** The most records one request may hold. */
	public static final int MAX_RECORDS = 5000;

	private static final JsonMapper JSON = JsonRecords.mapper();

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final DashboardAggregates aggregates;

	private final Clock clock;

	private final String node;

	public Pushes(JdbcClient jdbc, JdbcTemplate template, DashboardAggregates aggregates, Clock clock, String node) {
		this.jdbc = jdbc;
		this.template = template;
		this.aggregates = aggregates;
		this.clock = clock;
		this.node = node;
	}

	/**
	 * Reads a request's body: a JSON array of records, or JSON Lines (one record per
	 * line, blank lines skipped). A record that is not a readable JSON object is refused
	 * on its own; only a body that cannot be read as either form fails.
	 * @throws Unreadable when the body is neither, or holds more than
	 * {@link #MAX_RECORDS}
	 */
	public static List<RawRecord> read(byte[] bytes) {
		int first = 0;
		while (first < bytes.length && Character.isWhitespace(bytes[first])) {
			first++;
		}
		List<RawRecord> records = new ArrayList<>();
		if (first < bytes.length && bytes[first] == '[') {
			try (JsonParser parser = JSON.createParser(bytes)) {
				parser.nextToken();
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					if (parser.currentToken() == null) {
						throw new Unreadable("the JSON array is not closed");
					}
					records.add(JsonRecords.read(records.size() + 1, parser));
					limit(records);
				}
				if (parser.nextToken() != null) {
					throw new Unreadable("text after the JSON array");
				}
			}
			catch (JacksonException ex) {
				throw new Unreadable("not a JSON array of records: " + ex.getOriginalMessage());
			}
			return records;
		}
		// JSON Lines, split at the line feed byte (which UTF-8 never uses inside a
		// character); a body of valid UTF-8 (all but a broken one) is parsed from its
		// bytes, a broken one decoded line by line to find the broken lines
		boolean valid = Utf8.isValid(bytes);
		int start = 0;
		while (start <= bytes.length) {
			int end = start;
			while (end < bytes.length && bytes[end] != '\n') {
				end++;
			}
			int length = end - start;
			if (length > 0 && bytes[end - 1] == '\r') {
				length--;
			}
			if (valid) {
				readValidLine(bytes, start, length, records);
			}
			else {
				readLine(bytes, start, length, records);
			}
			start = end + 1;
		}
		return records;
	}

	/**
	 * A line of valid UTF-8, parsed from its bytes as {@link #readLine(String, List)}
	 * reads its text: a line that opens with a character outside ASCII (a blank of
	 * Unicode's, or no JSON at all) is read as text.
	 */
	private static void readValidLine(byte[] bytes, int start, int length, List<RawRecord> records) {
		int first = start;
		int end = start + length;
		while (first < end && asciiBlank(bytes[first])) {
			first++;
		}
		if (first == end) {
			return;
		}
		if (bytes[first] < 0) {
			readLine(new String(bytes, start, length, StandardCharsets.UTF_8), records);
			return;
		}
		readObject(() -> JSON.createParser(bytes, start, length), records);
	}

	/** What {@link String#isBlank} takes for blank among the ASCII characters. */
	private static boolean asciiBlank(byte b) {
		return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F);
	}

	private static void readLine(byte[] bytes, int start, int length, List<RawRecord> records) {
		String line;
		try {
			line = UploadFiles.reporting(StandardCharsets.UTF_8)
				.decode(ByteBuffer.wrap(bytes, start, length))
				.toString();
		}
		catch (CharacterCodingException ex) {
			records.add(RawRecord.refused(records.size() + 1, Map.of(), RejectReason.ENCODING,
					"the line is not valid UTF-8"));
			limit(records);
			return;
		}
		readLine(line, records);
	}

	private static void readLine(String line, List<RawRecord> records) {
		if (line.isBlank()) {
			return;
		}
		readObject(() -> JSON.createParser(line), records);
	}

	/** A line's one JSON object as the next record, or the line refused as malformed. */
	private static void readObject(Supplier<JsonParser> line, List<RawRecord> records) {
		long position = records.size() + 1;
		try (JsonParser parser = line.get()) {
			parser.nextToken();
			RawRecord record = JsonRecords.read(position, parser);
			records.add((parser.nextToken() != null) ? RawRecord.malformed(position, "text after the object") : record);
		}
		catch (JacksonException ex) {
			records.add(RawRecord.malformed(position, "not a JSON object: " + ex.getOriginalMessage()));
		}
		limit(records);
	}

	private static RecordType typeOf(PlatformRecord record) {
		if (record instanceof PlatformRecord.LabelingMetric) {
			return RecordType.LABELING_METRIC;
		}
		return (record instanceof PlatformRecord.Complaint) ? RecordType.COMPLAINT : RecordType.ENFORCEMENT_ACTION;
	}

	private static void limit(List<RawRecord> records) {
		if (records.size() > MAX_RECORDS) {
			throw new TooMany(MAX_RECORDS);
		}
	}

	/**
	 * Makes the enterprise's feed row if it has none, in a transaction of its own before
	 * the push's (made in the push's, its key would be locked until the push commits and
	 * the enterprise's other first requests would wait for it).
	 */
	public void ensureFeed(long enterpriseId) {
		// looked up first without a lock: INSERT IGNORE of an existing row waits for a
		// lock on it that a pull in progress may hold
		if (this.jdbc.sql("SELECT COUNT(*) FROM feed WHERE enterprise_id = :enterprise")
			.param("enterprise", enterpriseId)
			.query(Long.class)
			.single() == 0) {
			this.jdbc.sql("INSERT IGNORE INTO feed (enterprise_id) VALUES (:enterprise)")
				.param("enterprise", enterpriseId)
				.update();
		}
	}

	/**
	 * The push run of a token on the portal's day, made on its first request: one run per
	 * token and day, counted up by each request. Takes no lock: the requests of one
	 * enterprise are stored side by side, each in the places it reserved in the run
	 * ({@link #reserve}), their counts added as they commit.
	 */
	public long runOf(long enterpriseId, long tokenId, String tokenName, String startedBy) {
		LocalDate today = LocalDate.now(this.clock);
		// looked up first without a lock: INSERT IGNORE of an existing row waits for the
		// row's lock, which a request adding its counts holds until it commits
		Optional<Long> found = runOfDay(tokenId, today, "");
		if (found.isPresent()) {
			return found.get();
		}
		long feedId = this.jdbc.sql("SELECT id FROM feed WHERE enterprise_id = :enterprise")
			.param("enterprise", enterpriseId)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT IGNORE INTO feed_run (feed_id, enterprise_id, source, status, file_name, started_by, owner_node,
				  token_id, run_day, ended_at)
				VALUES (:feed, :enterprise, 'PUSH', 'COMPLETED', :name, :startedBy, :node, :token, :day,
				  UTC_TIMESTAMP(6))""")
			.param("feed", feedId)
			.param("enterprise", enterpriseId)
			.param("name", tokenName)
			.param("startedBy", startedBy)
			.param("node", this.node)
			.param("token", tokenId)
			.param("day", today)
			.update();
		// a locking read: sees the run another request made meanwhile even in a
		// transaction whose snapshot is older
		return runOfDay(tokenId, today, " LOCK IN SHARE MODE").orElseThrow();
	}

	private Optional<Long> runOfDay(long tokenId, LocalDate day, String lock) {
		return this.jdbc.sql("SELECT id FROM feed_run WHERE token_id = :token AND run_day = :day" + lock)
			.param("token", tokenId)
			.param("day", day)
			.query(Long.class)
			.optional();
	}

	/**
	 * Reserves a request's places in its run: one statement, committed at once outside
	 * the request's transaction, so that two requests never get the same places and
	 * neither waits for the other's records to be stored. A request that fails later
	 * leaves its places unused.
	 * @return the last place before the request's
	 */
	public long reserve(long runId, int records) {
		return this.template.execute((ConnectionCallback<Long>) (connection) -> {
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("UPDATE feed_run SET next_position = LAST_INSERT_ID(next_position + " + records
						+ ") WHERE id = " + runId);
				try (ResultSet last = statement.executeQuery("SELECT LAST_INSERT_ID()")) {
					last.next();
					return last.getLong(1) - records;
				}
			}
		});
	}

	/**
	 * The places a request in the sandbox takes: after those handed out, reserving none
	 * (its records are rolled back with everything else).
	 */
	public long peek(long runId) {
		return this.jdbc.sql("SELECT next_position FROM feed_run WHERE id = :run")
			.param("run", runId)
			.query(Long.class)
			.single();
	}

	/**
	 * Validates a request's records, positioned from 1 in the request, before anything is
	 * stored (validation reads nothing of the database): a record naming another
	 * enterprise is refused; when an id comes twice in one request the later one is kept,
	 * the earlier refused as {@code DUPLICATE_ID}, as in an uploaded file.
	 */
	public List<FeedItem> validate(String creditCode, List<RawRecord> records) {
		String[] identities = new String[records.size()];
		Map<String, Integer> last = new HashMap<>();
		for (int i = 0; i < records.size(); i++) {
			identities[i] = records.get(i).identity();
			if (identities[i] != null) {
				last.put(identities[i], i);
			}
		}
		RecordValidator validator = new RecordValidator(creditCode, null, this.clock);
		List<FeedItem> items = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			RawRecord record = records.get(i);
			RawRecord placed = new RawRecord(i + 1, record.fields(), record.refusal(), record.detail(), null);
			if (identities[i] != null && last.get(identities[i]) != i) {
				placed = RawRecord.refused(i + 1, record.fields(), RejectReason.DUPLICATE_ID,
						"the same id again later in this request: the later one is kept");
			}
			items.add(validator.process(placed));
		}
		return items;
	}

	/**
	 * Stores a request's records, as {@link #validate} found them, in the run (see
	 * {@link #runOf}) after the place {@code base} ({@link #reserve}), and answers each:
	 * created, updated, unchanged, or refused with the field, the reason and what was
	 * wrong. The run's counts are added last, so that its row is held only for the
	 * commit; two requests with the same ids wait for each other at those records only.
	 */
	public List<Result> submit(long enterpriseId, long runId, long base, List<RawRecord> records,
			List<FeedItem> validated) {
		// placed in the run: in the places reserved for the request
		List<FeedItem> items = new ArrayList<>(validated.size());
		for (FeedItem item : validated) {
			if (item instanceof Accepted accepted) {
				items.add(new Accepted(base + accepted.position(), accepted.record(), null));
			}
			else if (item instanceof Rejected rejected) {
				items.add(new Rejected(base + rejected.position(), rejected.platformId(), rejected.type(),
						rejected.field(), rejected.reason(), rejected.detail(), null));
			}
		}
		FeedItemWriter writer = new FeedItemWriter(this.template, runId, 0, enterpriseId, this.node);
		// the run's row locked once the records are stored, before the rows that
		// read-lock it (its days, its rejects) and its counts: taken by the counts'
		// update only, two requests would each read-lock it and then wait for the other
		// to let go (a deadlock); taken first, the requests would be stored one after
		// the other
		Map<Long, Outcome> outcomes = writer.storeReporting(items, () -> lockRun(runId));
		List<Result> results = new ArrayList<>();
		int written = 0;
		for (int i = 0; i < items.size(); i++) {
			FeedItem item = items.get(i);
			String id = records.get(i).fields().get("id");
			if (item instanceof Accepted accepted) {
				written++;
				results.add(new Result(i + 1, accepted.record().platformId(), typeOf(accepted.record()),
						outcomes.get(item.position()).name(), null, null, null));
			}
			else if (item instanceof Rejected rejected) {
				results.add(new Result(i + 1, (rejected.platformId() != null) ? rejected.platformId() : id,
						rejected.type(), "REJECTED", rejected.field(), rejected.reason(), rejected.detail()));
			}
		}
		this.jdbc.sql("""
				UPDATE feed_run SET read_count = read_count + :read, written_count = written_count + :written,
				  rejected_count = rejected_count + :rejected, ended_at = UTC_TIMESTAMP(6)
				WHERE id = :run""")
			.param("read", items.size())
			.param("written", written)
			.param("rejected", items.size() - written)
			.param("run", runId)
			.update();
		// the days are noted in feed_run_day; the aggregates follow in refresh(…), a few
		// seconds later: refreshed at each request, a push of many batches would read its
		// enterprise's rows of the days again and again
		return results;
	}

	private void lockRun(long runId) {
		this.jdbc.sql("SELECT id FROM feed_run WHERE id = :run FOR UPDATE")
			.param("run", runId)
			.query(Long.class)
			.single();
	}

	/**
	 * Notes on the enterprise's feed that data came in, after the request committed:
	 * taken in the request's transaction, the feed's row would be held by each request
	 * until it commits, and the others would wait for it. At most once a second: a
	 * platform sending many requests a second would otherwise write (and flush to disk)
	 * the same row with each.
	 */
	public void noteSuccess(long enterpriseId) {
		this.jdbc.sql("""
				UPDATE feed SET last_success_at = UTC_TIMESTAMP(6), last_error = NULL
				WHERE enterprise_id = :enterprise AND (last_success_at IS NULL OR last_error IS NOT NULL
				  OR last_success_at < UTC_TIMESTAMP(6) - INTERVAL 1 SECOND)""")
			.param("enterprise", enterpriseId)
			.update();
	}

	/**
	 * Withdraws a record the enterprise sent by mistake, in the caller's transaction (the
	 * record's row locked): the record leaves its table, and with the next
	 * {@link #refresh} the dashboards; it is kept in {@code withdrawn_record} as it was
	 * stored, with the run and the token. Sending the same id later stores it anew.
	 * @return whether the enterprise had such a record
	 */
	public boolean withdraw(long enterpriseId, long runId, long tokenId, RecordType type, String platformId) {
		// first, as a push locks it before the rows that read-lock it (see submit)
		lockRun(runId);
		String table = type.wireName();
		String dayColumn = (type == RecordType.COMPLAINT) ? "received_day" : "day";
		List<Map<String, Object>> rows = this.template.queryForList(
				"SELECT * FROM " + table + " WHERE enterprise_id = ? AND platform_id = ? FOR UPDATE", enterpriseId,
				platformId);
		if (rows.isEmpty()) {
			return false;
		}
		Map<String, Object> stored = new LinkedHashMap<>();
		rows.get(0)
			.forEach((column, value) -> stored.put(column.toLowerCase(Locale.ROOT),
					(value == null || value instanceof Number || value instanceof Boolean) ? value : value.toString()));
		LocalDateTime now = LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.jdbc.sql("""
				INSERT INTO withdrawn_record (enterprise_id, record_type, platform_id, stored, run_id, token_id,
				  withdrawn_at)
				VALUES (:enterprise, :type, :platformId, :stored, :run, :token, :at)""")
			.param("enterprise", enterpriseId)
			.param("type", type.name())
			.param("platformId", platformId)
			.param("stored", JSON.writeValueAsString(stored))
			.param("run", runId)
			.param("token", tokenId)
			.param("at", now)
			.update();
		this.jdbc.sql("DELETE FROM " + table + " WHERE id = :id").param("id", stored.get("id")).update();
		// the day it counted on is aggregated again with the run's next refresh
		this.jdbc.sql("""
				INSERT INTO feed_run_day (run_id, record_type, day) VALUES (:run, :type, :day)
				ON DUPLICATE KEY UPDATE touches = touches + 1""")
			.param("run", runId)
			.param("type", type.name())
			.param("day", stored.get(dayColumn))
			.update();
		this.jdbc.sql("""
				UPDATE feed_run SET withdrawn_count = withdrawn_count + 1, ended_at = :at WHERE id = :run""")
			.param("at", now)
			.param("run", runId)
			.update();
		return true;
	}

	/** The push runs with days not yet aggregated: run id and enterprise id. */
	public List<long[]> pendingAggregation() {
		return this.jdbc.sql("""
				SELECT r.id, r.enterprise_id FROM feed_run r
				WHERE r.source = 'PUSH' AND EXISTS (SELECT 1 FROM feed_run_day d WHERE d.run_id = r.id)
				ORDER BY r.id""").query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
	}

	/**
	 * Brings the dashboards' aggregates up to date for the days a push run touched since
	 * the last time, in the caller's transaction (read committed: see
	 * {@link DashboardAggregates#refreshRun}), beside the enterprise's pushes: a day a
	 * push notes again meanwhile is kept for the next refresh.
	 */
	public void refresh(long runId, long enterpriseId) {
		this.aggregates.refreshRun(runId, enterpriseId);
	}

	/**
	 * What became of one record of a request.
	 *
	 * @param position its place in the request, from 1
	 * @param id its id, if it had one
	 * @param type its type, if known
	 * @param status {@code CREATED}, {@code UPDATED}, {@code UNCHANGED} or
	 * {@code REJECTED}
	 * @param field the field refused, for a refused record
	 * @param reason the interface's reason code, for a refused record
	 * @param detail what exactly was wrong, for a refused record
	 */
	public record Result(int position, String id, RecordType type, String status, String field, RejectReason reason,
			String detail) {
	}

	/** A body that is not a JSON array of records nor JSON Lines. */
	public static class Unreadable extends RuntimeException {

		public Unreadable(String message) {
			super(message);
		}

	}

	/** A request with more records than one may hold. */
	public static class TooMany extends RuntimeException {

		public TooMany(int limit) {
			super("more than " + limit + " records in one request");
		}

	}

}
