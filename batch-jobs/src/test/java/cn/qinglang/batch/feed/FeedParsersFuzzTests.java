package cn.qinglang.batch.feed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import cn.qinglang.batch.feed.FeedItem.Accepted;
import cn.qinglang.batch.feed.FeedItem.Rejected;
import cn.qinglang.batch.records.RecordType;
import cn.qinglang.batch.records.RejectReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input tried by machine on the two readers of the feeds: uploaded files (JSON Lines,
 * CSV in UTF-8 and GB18030) and pulled pages. Valid inputs are mutated at random (bytes
 * flipped, inserted, cut, repeated, lines run long) and each result must hold the
 * properties: no exception but the reader's own, every line that is not blank either a
 * record or a refusal with its position, nothing held beyond the declared limits.
 * <p>
 * A few thousand inputs per run of the build, from a fixed seed; {@code bash .ci/bench
 * fuzz} runs many more from a new seed ({@code qinglang.fuzz.tries},
 * {@code qinglang.fuzz.seed}). A failing input is kept under {@code target/fuzz} and the
 * failure names its seed and number, so that it can be made a regression example here.
 */
class FeedParsersFuzzTests {

	private static final String CREDIT = "91110108MA00000001";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

	private static final JsonMapper JSON = JsonRecords.mapper();

	private static final Charset GB18030 = Charset.forName("GB18030");

	private static final int PAGE_LIMIT = 50;

	@TempDir
	Path folder;

	@Test
	void anyUploadedFileIsReadRecordByRecordOrRefusedLineByLine() throws Exception {
		Path file = this.folder.resolve("upload");
		Fuzz.run("upload", uploadSeeds(), (input, random) -> {
			Files.write(file, input);
			checkUpload(file, input, random.nextBoolean() ? RecordType.COMPLAINT : null);
		});
	}

	@Test
	void anyPulledPageIsReadOrRefusedAsAWholeWithTheClientsOwnError() throws Exception {
		PlatformClient client = new PlatformClient(JSON, new FeedJobProperties(10, PAGE_LIMIT, Duration.ofSeconds(1), 0,
				Duration.ofMillis(1), 2, Duration.ofSeconds(10), Duration.ofSeconds(30), true, null));
		Fuzz.run("page", pageSeeds(), (input, random) -> checkPage(client, input));
	}

	/**
	 * A pushed body of JSON Lines is parsed from its bytes when it is valid UTF-8, and
	 * decoded line by line otherwise: both ways read the same records. A line of one
	 * invalid byte appended to a valid body sends it the second way.
	 */
	@Test
	void anyPushedBodyIsReadFromItsBytesAsFromItsText() throws Exception {
		CharsetDecoder decoder = UploadFiles.reporting(StandardCharsets.UTF_8);
		Fuzz.run("push", pushSeeds(), (input, random) -> {
			boolean decodes = UploadFiles.errorAt(decoder, input) < 0;
			assertThat(Utf8.isValid(input)).as("valid UTF-8").isEqualTo(decodes);
			if (!decodes || firstVisible(input) == '[') {
				return;
			}
			List<RawRecord> fromBytes = pushed(input);
			List<RawRecord> fromText = pushed(join(input, new byte[] { '\n', (byte) 0xFF }));
			if (fromBytes == null || fromText == null) {
				// too many records: refused either way, or by the one line more
				assertThat((fromBytes != null) ? fromBytes.size() : Pushes.MAX_RECORDS).isEqualTo(Pushes.MAX_RECORDS);
				return;
			}
			assertThat(fromText).hasSize(fromBytes.size() + 1);
			assertThat(withoutParserWording(fromText.subList(0, fromBytes.size())))
				.isEqualTo(withoutParserWording(fromBytes));
			assertThat(fromText.get(fromBytes.size()).refusal()).isEqualTo(RejectReason.ENCODING);
		});
	}

	/**
	 * The records with Jackson's own message on a line that is no JSON object cut off:
	 * its parsers of bytes and of text word some of them differently.
	 */
	private static List<RawRecord> withoutParserWording(List<RawRecord> records) {
		String unreadable = "not a JSON object: ";
		return records.stream()
			.map((r) -> (r.detail() != null && r.detail().startsWith(unreadable))
					? new RawRecord(r.position(), r.fields(), r.refusal(), unreadable, r.pageEndCursor()) : r)
			.toList();
	}

	/** The records of a pushed body, or null when it holds too many. */
	private static List<RawRecord> pushed(byte[] body) {
		try {
			return Pushes.read(body);
		}
		catch (Pushes.TooMany ex) {
			return null;
		}
	}

	@Test
	void aLineOfTenMegabytesIsRefusedWithoutBeingHeld() throws Exception {
		byte[] line = new byte[10 * 1024 * 1024];
		Arrays.fill(line, (byte) 'x');
		line[0] = '{';
		Path file = Files.write(this.folder.resolve("long.jsonl"),
				join(line, "\n".getBytes(StandardCharsets.US_ASCII), complaint("c9").getBytes(StandardCharsets.UTF_8)));

		List<FeedItem> items = checkUpload(file, Files.readAllBytes(file), null);

		assertThat(items).hasSize(2);
		assertThat(((Rejected) items.get(0)).detail()).contains("longer than 65536 bytes");
		assertThat(items.get(1)).isInstanceOf(Accepted.class);
	}

	/**
	 * Found by the fuzzer (upload input 3859 of seed 14 at 5,000 tries): an over-long
	 * line whose first 64 KiB were blanks was skipped as a blank line, and its record
	 * lost without a word.
	 */
	@Test
	void anOverLongLineOfBlanksFirstIsRefusedNotSkipped() throws Exception {
		byte[] blanks = new byte[UploadFiles.MAX_LINE_BYTES + 10];
		Arrays.fill(blanks, (byte) ' ');
		Path file = Files.write(this.folder.resolve("blanks-first.jsonl"),
				join(complaint("c1").getBytes(StandardCharsets.UTF_8), "\n".getBytes(StandardCharsets.US_ASCII), blanks,
						complaint("c2").getBytes(StandardCharsets.UTF_8)));

		List<FeedItem> items = checkUpload(file, Files.readAllBytes(file), null);

		assertThat(items).hasSize(2);
		assertThat(items.get(0)).isInstanceOf(Accepted.class);
		assertThat(items.get(1).position()).isEqualTo(2);
		assertThat(((Rejected) items.get(1)).detail()).contains("line 2 is longer than 65536 bytes");
	}

	@Test
	void aPageWithMoreRecordsThanAskedOrAHugeValueIsRefused() {
		PlatformClient client = new PlatformClient(JSON, new FeedJobProperties(10, 2, Duration.ofSeconds(1), 0,
				Duration.ofMillis(1), 2, Duration.ofSeconds(10), Duration.ofSeconds(30), true, null));
		String three = "{\"records\":[{},{},{}],\"has_more\":false,\"next_cursor\":null}";
		String huge = "{\"records\":[{\"summary\":\"" + "长".repeat(JsonRecords.MAX_TOKEN_LENGTH + 1)
				+ "\"}],\"has_more\":false,\"next_cursor\":null}";

		assertThatThrownBy(() -> client.parse(stream(three), "c", 2, 1)).isInstanceOf(FeedException.class)
			.hasMessageContaining("more than the 2 records asked for");
		assertThatThrownBy(() -> client.parse(stream(huge), "c", 2, 1)).isInstanceOf(FeedException.class)
			.hasMessageContaining("malformed page");
	}

	@Test
	void aCursorLongerThanThePortalKeepsIsAMalformedPageNotADatabaseError() {
		PlatformClient client = new PlatformClient(JSON, new FeedJobProperties(10, 2, Duration.ofSeconds(1), 0,
				Duration.ofMillis(1), 2, Duration.ofSeconds(10), Duration.ofSeconds(30), true, null));
		String page = "{\"records\":[],\"has_more\":true,\"next_cursor\":\"" + "c".repeat(501) + "\"}";

		assertThatThrownBy(() -> client.parse(stream(page), "c", 2, 1)).isInstanceOf(FeedException.class)
			.hasMessageContaining("next_cursor is longer than 500 characters");
		assertThat(client.parse(stream(page.replace("c".repeat(501), "c".repeat(500))), "c", 2, 1).nextCursor())
			.hasSize(500);
	}

	@Test
	void aValueOverTheRecordsLimitCostsOnlyItsRecordNotThePage() {
		PlatformClient client = new PlatformClient(JSON, new FeedJobProperties(10, 2, Duration.ofSeconds(1), 0,
				Duration.ofMillis(1), 2, Duration.ofSeconds(10), Duration.ofSeconds(30), true, null));
		// a summary of 20,000 characters beside a good record, and a count of 70 digits:
		// a
		// page that failed as a whole would be asked for again at every run, the feed
		// stuck
		String page = "{\"records\":[{\"id\":\"long\",\"summary\":\"" + "长".repeat(20_000)
				+ "\"},{\"id\":\"digits\",\"published\":" + "9".repeat(70)
				+ "}],\"has_more\":false,\"next_cursor\":null}";

		PlatformClient.Page read = client.parse(stream(page), "c", 2, 1);

		assertThat(read.records()).hasSize(2);
		assertThat(read.records().get(0).refusal()).isEqualTo(RejectReason.TOO_LONG);
		assertThat(read.records().get(0).detail()).contains("summary").contains("16384");
		assertThat(read.records().get(1).refusal()).isNull();
		assertThat(read.records().get(1).fields().get("published")).hasSize(70);
	}

	@Test
	void pageThatEndsInsideItsRecordsIsRefused() {
		PlatformClient client = new PlatformClient(JSON, new FeedJobProperties(10, 2, Duration.ofSeconds(1), 0,
				Duration.ofMillis(1), 2, Duration.ofSeconds(10), Duration.ofSeconds(30), true, null));

		assertThatThrownBy(() -> client.parse(stream("{\"records\":[{\"id\":\"a\"},"), "c", 2, 1))
			.isInstanceOf(FeedException.class);
	}

	/**
	 * Reads the file whole through the reader and the validator, as the job does, and
	 * checks the properties; the items, for examples.
	 */
	private static List<FeedItem> checkUpload(Path file, byte[] content, RecordType csvType) throws IOException {
		long counted = UploadFiles.countRecords(file);
		SortedSet<Long> lines = nonBlankLines(content);
		assertThat(counted).isBetween(0L, (long) lines.size());
		UploadReader reader = UploadFiles.reader(file, csvType, JSON);
		RecordValidator validator = new RecordValidator(CREDIT, csvType, CLOCK);
		List<FeedItem> items = new ArrayList<>();
		reader.open(new ExecutionContext());
		try {
			for (RawRecord raw = read(reader); raw != null; raw = read(reader)) {
				for (String value : raw.fields().values()) {
					assertThat(value.length()).isLessThanOrEqualTo(UploadFiles.MAX_LINE_BYTES);
				}
				FeedItem item = validator.process(raw);
				if (item instanceof Rejected rejected) {
					assertThat(rejected.reason()).isNotNull();
					assertThat(rejected.detail()).isNotBlank();
				}
				items.add(item);
				assertThat(items.size()).isLessThanOrEqualTo(lines.size());
			}
		}
		finally {
			reader.close();
		}
		List<Long> positions = items.stream().map(FeedItem::position).toList();
		assertThat(positions).isSorted().doesNotHaveDuplicates();
		assertThat(lines).containsAll(positions);
		boolean json = !lines.isEmpty() && firstVisible(content) == '{';
		if (json) {
			// every line that is not blank is a record of its own
			assertThat(positions).containsExactlyElementsOf(lines);
		}
		else if (lines.size() > 1 || (!lines.isEmpty() && lines.first() > 1)) {
			// after the header, the first line that is not blank starts a record
			assertThat(positions).first().isEqualTo(lines.tailSet(2L).first());
		}
		return items;
	}

	private static RawRecord read(UploadReader reader) {
		try {
			return reader.read();
		}
		catch (Exception ex) {
			throw new AssertionError("the upload reader threw " + ex, ex);
		}
	}

	private static void checkPage(PlatformClient client, byte[] body) {
		PlatformClient.Page page;
		try {
			page = client.parse(new ByteArrayInputStream(body), "c0", PAGE_LIMIT, 1);
		}
		catch (FeedException ex) {
			assertThat(ex.getMessage()).contains("cursor left where it was");
			return;
		}
		assertThat(page.records()).hasSizeLessThanOrEqualTo(PAGE_LIMIT);
		assertThat(page.nextCursor()).isNotNull();
		RecordValidator validator = new RecordValidator(CREDIT, null, CLOCK);
		long position = 1;
		for (RawRecord record : page.records()) {
			assertThat(record.position()).isEqualTo(position++);
			for (String value : record.fields().values()) {
				assertThat(value.length()).isLessThanOrEqualTo(JsonRecords.MAX_STRING_LENGTH);
			}
			assertThat(validator.process(record)).isNotNull();
		}
	}

	/** The numbers of the lines that hold something but white space or a BOM. */
	private static SortedSet<Long> nonBlankLines(byte[] content) {
		SortedSet<Long> lines = new TreeSet<>();
		long number = 1;
		boolean visible = false;
		for (int i = 0; i < content.length; i++) {
			int b = content[i] & 0xFF;
			if (b == '\n') {
				if (visible) {
					lines.add(number);
				}
				number++;
				visible = false;
			}
			else if (!(b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B
					|| (number == 1 && i < 3 && startsWithBom(content)))) {
				visible = true;
			}
		}
		if (visible) {
			lines.add(number);
		}
		return lines;
	}

	private static int firstVisible(byte[] content) {
		for (int i = startsWithBom(content) ? 3 : 0; i < content.length; i++) {
			int b = content[i] & 0xFF;
			if (!(b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B || b == '\n')) {
				return b;
			}
		}
		return -1;
	}

	private static boolean startsWithBom(byte[] content) {
		return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF;
	}

	private static List<byte[]> uploadSeeds() {
		String header = "id,enterprise,received_at,category,content_type,channel,status,handled_at,outcome,summary";
		String csv = header + "\r\n" + "c1," + CREDIT
				+ ",2026-05-18T09:30:00+08:00,RUMOR,VIDEO,HOTLINE,RECEIVED,,,\"AI合成的\"\"官方\"\"通报\nline two\"\r\n"
				+ "c2," + CREDIT + ",2026-05-19T09:30:00+08:00,RUMOR,IMAGE,WEB_FORM,HANDLED,2026-05-19T10:00:00+08:00,"
				+ "CONTENT_REMOVED,低俗换脸图片\r\n";
		String jsonLines = String.join("\n", complaint("c1"), complaint("c2"),
				"{\"type\":\"labeling_metric\",\"id\":\"m1\",\"enterprise\":\"" + CREDIT + "\",\"date\":\"2026-05-18\","
						+ "\"content_type\":\"IMAGE\",\"published\":100,\"explicit_labeled\":90,\"implicit_labeled\":0,"
						+ "\"user_declared\":0,\"platform_detected\":0,\"verified\":0,\"appeals_filed\":5,"
						+ "\"appeals_upheld\":2,\"tampering_detected\":0}",
				"{\"type\":\"enforcement_action\",\"id\":\"a1\",\"enterprise\":\"" + CREDIT
						+ "\",\"date\":\"2026-05-20\","
						+ "\"actor\":\"REGULATOR\",\"action_type\":\"FINE\",\"category\":\"RUMOR\",\"count\":1,"
						+ "\"amount\":50000.00,\"note\":[1,{\"a\":2}]}",
				complaint("c1"));
		return List.of(jsonLines.getBytes(StandardCharsets.UTF_8), ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8),
				csv.getBytes(GB18030));
	}

	private static List<byte[]> pushSeeds() {
		String lines = String.join("\r\n", complaint("c1"), "", "  \t", "\u3000", "\u3000" + complaint("c2"),
				complaint("c3") + "\u3000", complaint("c4") + " {}", "[1]", "\"x\"",
				"{\"id\":\"\uD83D\uDE00\",\"n\":1e3}", " " + complaint("C5"));
		return List.of(lines.getBytes(StandardCharsets.UTF_8),
				String.join("\n", complaint("c1"), complaint("c2")).getBytes(StandardCharsets.UTF_8));
	}

	private static List<byte[]> pageSeeds() {
		String records = String.join(",", complaint("c1"), complaint("c2"), "{\"id\":\"x\",\"nested\":{\"a\":[1,2]}}",
				"17", "null");
		return List.of(
				("{\"records\":[" + records + "],\"has_more\":true,\"next_cursor\":\"c1\",\"remaining\":3}")
					.getBytes(StandardCharsets.UTF_8),
				"{\"records\":[],\"has_more\":false,\"next_cursor\":null}".getBytes(StandardCharsets.UTF_8));
	}

	private static String complaint(String id) {
		return "{\"type\":\"complaint\",\"id\":\"" + id + "\",\"enterprise\":\"" + CREDIT
				+ "\",\"received_at\":\"2026-05-18T09:30:00+08:00\",\"category\":\"FABRICATION\","
				+ "\"content_type\":\"VIDEO\",\"channel\":\"IN_APP_REPORT\",\"status\":\"RECEIVED\","
				+ "\"summary\":\"合成视频未标识\"}";
	}

	private static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] join(byte[]... parts) {
		ByteArrayOutputStream joined = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			joined.writeBytes(part);
		}
		return joined.toByteArray();
	}

	/**
	 * A fuzzing campaign: inputs made from the seeds by random mutations, each checked by
	 * a property. Counts the inputs and failures into {@code target/fuzz/NAME.txt} for
	 * the benchmark, keeps the first failing input and fails with it.
	 */
	static final class Fuzz {

		// bytes that mean something to the readers: line ends, quotes, JSON's marks,
		// a byte order mark, lead and trail bytes of UTF-8 and GB18030
		private static final byte[] MARKS = { '\n', '\r', '"', ',', '{', '}', '[', ']', ':', '\\', ' ', '0', '9',
				(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0x80, (byte) 0xC0, (byte) 0xE5, (byte) 0xFE, (byte) 0xFF,
				(byte) 0x81, 0x30, 0x00 };

		private Fuzz() {
		}

		interface Property {

			void check(byte[] input, Random random) throws Exception;

		}

		static void run(String name, List<byte[]> seeds, Property property) throws IOException {
			int tries = Integer.getInteger("qinglang.fuzz.tries", 600);
			long seed = Long.getLong("qinglang.fuzz.seed", 14L);
			Random random = new Random(seed);
			int failures = 0;
			AssertionError first = null;
			for (int i = 0; i < tries; i++) {
				byte[] input = mutate(seeds, random);
				try {
					property.check(input, new Random(seed + i));
				}
				catch (Exception | AssertionError | StackOverflowError | OutOfMemoryError ex) {
					failures++;
					if (first == null) {
						Path kept = Files.createDirectories(Path.of("target", "fuzz")).resolve(name + "-failure.bin");
						Files.write(kept, input);
						first = new AssertionError(
								name + " input " + i + " of seed " + seed + " (kept in " + kept + ", base64 "
										+ Base64.getEncoder().encodeToString(Arrays.copyOf(input, 600)) + "): " + ex,
								ex);
					}
				}
			}
			Files.createDirectories(Path.of("target", "fuzz"));
			Files.writeString(Path.of("target", "fuzz", name + ".txt"),
					"inputs=" + tries + " failures=" + failures + " seed=" + seed + "\n");
			if (first != null) {
				throw first;
			}
		}

		static byte[] mutate(List<byte[]> seeds, Random random) {
			byte[] input = seeds.get(random.nextInt(seeds.size()));
			int rounds = 1 + random.nextInt(4);
			for (int round = 0; round < rounds; round++) {
				input = once(input, seeds, random);
			}
			return input;
		}

		private static byte[] once(byte[] input, List<byte[]> seeds, Random random) {
			int at = (input.length == 0) ? 0 : random.nextInt(input.length + 1);
			int span = (input.length == at) ? 0 : 1 + random.nextInt(Math.min(64, input.length - at));
			ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + 64);
			out.write(input, 0, at);
			switch (random.nextInt(8)) {
				case 0 -> { // flip a byte
					out.write((span > 0) ? input[at] ^ (1 << random.nextInt(8)) : random.nextInt(256));
					at += Math.min(span, 1);
				}
				case 1 -> out.write(MARKS[random.nextInt(MARKS.length)]);
				case 2 -> out.write(random.nextInt(256));
				case 3 -> at += span; // cut a piece out
				case 4 -> out.write(input, at, span); // repeat a piece (ids twice)
				case 5 -> { // cut the file short
					return Arrays.copyOf(input, at);
				}
				case 6 -> { // a long run, now and then past the line limit
					int length = random.nextBoolean() ? random.nextInt(200)
							: UploadFiles.MAX_LINE_BYTES - 8 + random.nextInt(16);
					byte[] run = new byte[length];
					Arrays.fill(run, MARKS[random.nextInt(MARKS.length)]);
					out.writeBytes(run);
				}
				default -> { // a piece of another seed
					byte[] other = seeds.get(random.nextInt(seeds.size()));
					int from = random.nextInt(other.length);
					out.write(other, from, Math.min(other.length - from, 1 + random.nextInt(200)));
				}
			}
			out.write(input, at, input.length - at);
			return out.toByteArray();
		}

	}

}
