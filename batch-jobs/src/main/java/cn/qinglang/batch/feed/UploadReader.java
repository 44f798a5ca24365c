package cn.qinglang.batch.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;
import org.springframework.batch.infrastructure.item.file.transform.FieldSet;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import cn.qinglang.batch.feed.UploadFiles.Line;
import cn.qinglang.batch.feed.UploadFiles.Lines;
import cn.qinglang.batch.records.RecordType;
import cn.qinglang.batch.records.RejectReason;

/**
 * Reads an uploaded file record by record (see {@link UploadFiles}). Every line that is
 * not blank becomes a record or a refusal with its line number: nothing in the file is
 * lost without a word. Spring Batch's flat file reader is not used because it decodes the
 * file as one stream, where a bad byte either fails the whole run or becomes a
 * replacement character in the stored text.
 * <p>
 * When it opens, the reader goes once through the file to find the last line of each
 * record type and id; an earlier line of the same id is refused as
 * {@link RejectReason#DUPLICATE_ID} naming the line that is kept. Its state is the number
 * of records read, so a restart finds the same lines and the same duplicates.
 */
public class UploadReader extends AbstractItemCountingItemStreamItemReader<RawRecord> {

	private static final char BOM = '\uFEFF';

	private final Path file;

	private final RecordType csvType;

	private final JsonMapper json;

	private Charset charset;

	private CharsetDecoder decoder;

	private boolean jsonLines;

	private String[] header;

	private DelimitedLineTokenizer tokenizer;

	private Lines lines;

	// the last line of each type and id; ids longer than the interface allows are not
	// kept (their records are refused anyway), so an entry is at most a short string
	private Map<String, Long> lastLineOfId = Map.of();

	UploadReader(Path file, RecordType csvType, JsonMapper json) {
		this.file = file;
		this.csvType = csvType;
		this.json = json;
		setName("uploadReader");
	}

	@Override
	protected void doOpen() {
		this.charset = UploadFiles.detectCharset(this.file);
		this.decoder = UploadFiles.reporting(this.charset);
		this.jsonLines = firstVisible() == '{';
		this.lastLineOfId = new HashMap<>();
		this.lines = openLines();
		try {
			for (RawRecord record = next(); record != null; record = next()) {
				String key = record.identity();
				if (key != null) {
					this.lastLineOfId.put(key, record.position());
				}
			}
		}
		finally {
			this.lines.close();
		}
		this.lines = openLines();
	}

	@Override
	protected RawRecord doRead() {
		RawRecord record = next();
		if (record == null) {
			return null;
		}
		String key = record.identity();
		Long last = (key != null) ? this.lastLineOfId.get(key) : null;
		if (last != null && last != record.position()) {
			return RawRecord.refused(record.position(), record.fields(), RejectReason.DUPLICATE_ID,
					"id " + RecordValidator.clip(record.fields().get("id").strip()) + " is sent again on line " + last
							+ "; the last line of an id is the one kept");
		}
		return record;
	}

	@Override
	protected void doClose() {
		if (this.lines != null) {
			this.lines.close();
			this.lines = null;
		}
		this.lastLineOfId = Map.of();
	}

	/** A new pass over the file's lines, after a CSV file's header. */
	private Lines openLines() {
		Lines opened = Lines.of(this.file);
		if (!this.jsonLines) {
			Line first = opened.next();
			this.header = (first != null) ? header(first) : new String[0];
			this.tokenizer = new DelimitedLineTokenizer();
			this.tokenizer.setNames(this.header);
			this.tokenizer.setStrict(false);
		}
		return opened;
	}

	private int firstVisible() {
		try (Lines scan = Lines.of(this.file)) {
			for (Line line = scan.next(); line != null; line = scan.next()) {
				if (!line.blank()) {
					return line.firstVisible();
				}
			}
			return -1;
		}
	}

	/** The next record of the file, refused or not; blank lines are skipped. */
	private RawRecord next() {
		Line line = this.lines.next();
		while (line != null && line.blank()) {
			line = this.lines.next();
		}
		if (line == null) {
			return null;
		}
		if (line.tooLong()) {
			return RawRecord.malformed(line.number(),
					"line " + line.number() + " is longer than " + UploadFiles.MAX_LINE_BYTES + " bytes; not read");
		}
		String text;
		try {
			text = decode(line);
		}
		catch (CharacterCodingException ex) {
			return RawRecord.refused(line.number(), Map.of(), RejectReason.ENCODING,
					line.describe(this.charset, UploadFiles.errorAt(this.decoder, line.bytes())));
		}
		return this.jsonLines ? jsonRecord(line, text) : csvRecord(line, text);
	}

	private String decode(Line line) throws CharacterCodingException {
		String text = this.decoder.reset().decode(ByteBuffer.wrap(line.bytes())).toString();
		return (line.number() == 1 && !text.isEmpty() && text.charAt(0) == BOM) ? text.substring(1) : text;
	}

	private RawRecord jsonRecord(Line line, String text) {
		try (JsonParser parser = this.json.createParser(text)) {
			parser.nextToken();
			RawRecord record = JsonRecords.read(line.number(), parser);
			return (parser.nextToken() == null) ? record
					: RawRecord.malformed(line.number(), "not a JSON object: more after the object's end");
		}
		catch (JacksonException ex) {
			return RawRecord.malformed(line.number(), "not a JSON object: " + ex.getOriginalMessage()
					+ (line.last() ? " (the file ends in this line: cut short?)" : ""));
		}
	}

	/**
	 * A CSV record: the line, and the lines after it while a quoted field is open (a
	 * field may hold line breaks), up to {@link UploadFiles#MAX_LINE_BYTES} in all.
	 */
	private RawRecord csvRecord(Line first, String text) {
		StringBuilder record = new StringBuilder(text);
		int bytes = first.bytes().length;
		while (openQuote(record)) {
			Line more = this.lines.next();
			if (more == null) {
				return RawRecord.malformed(first.number(),
						"the file ends inside a quoted field opened on line " + first.number());
			}
			bytes += more.bytes().length + 1;
			if (more.tooLong() || bytes > UploadFiles.MAX_LINE_BYTES) {
				skipRecordAfter(more);
				return RawRecord.malformed(first.number(), "the record from line " + first.number() + " is longer than "
						+ UploadFiles.MAX_LINE_BYTES + " bytes (a quoted field left open?); not read");
			}
			try {
				record.append('\n').append(decode(more));
			}
			catch (CharacterCodingException ex) {
				skipRecordAfter(more);
				return RawRecord.refused(first.number(), Map.of(), RejectReason.ENCODING,
						more.describe(this.charset, UploadFiles.errorAt(this.decoder, more.bytes())));
			}
		}
		FieldSet fields;
		try {
			fields = this.tokenizer.tokenize(record.toString());
		}
		catch (RuntimeException ex) {
			return RawRecord.malformed(first.number(), "not a CSV line: " + ex.getMessage());
		}
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < this.header.length && i < fields.getFieldCount(); i++) {
			String value = fields.readRawString(i);
			if (!value.isEmpty()) {
				values.put(this.header[i], value);
			}
		}
		if (this.csvType != null && !values.containsKey("type")) {
			values.put("type", this.csvType.wireName());
		}
		return RawRecord.of(first.number(), values);
	}

	/**
	 * Skips the lines of a record refused part-way while its quoted field is still open,
	 * as far as a line that closes it; the line after is read as a record again.
	 */
	private void skipRecordAfter(Line line) {
		Line current = line;
		while (current != null && !current.tooLong() && count(current.bytes(), (byte) '"') % 2 == 0) {
			current = this.lines.next();
		}
	}

	private static boolean openQuote(CharSequence text) {
		int quotes = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '"') {
				quotes++;
			}
		}
		return quotes % 2 == 1;
	}

	private static int count(byte[] bytes, byte wanted) {
		int count = 0;
		for (byte b : bytes) {
			if (b == wanted) {
				count++;
			}
		}
		return count;
	}

	private String[] header(Line line) {
		String text = new String(line.bytes(), this.charset);
		if (!text.isEmpty() && text.charAt(0) == BOM) {
			text = text.substring(1);
		}
		return Arrays.stream(text.split(",", -1))
			.map((name) -> name.strip().replace("\"", "").toLowerCase(Locale.ROOT))
			.toArray(String[]::new);
	}

}
