package cn.qinglang.batch.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.LineMapper;
import org.springframework.batch.infrastructure.item.file.separator.DefaultRecordSeparatorPolicy;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;
import org.springframework.batch.infrastructure.item.file.transform.FieldSet;
import org.springframework.core.io.FileSystemResource;

/**
 * Uploaded files: JSON Lines (one object per line, each with its type) or CSV with a
 * header line (one record type per file), in UTF-8 or in GB18030 as Chinese spreadsheet
 * software writes it. The encoding is detected, not asked for: a file that is not valid
 * UTF-8 is read as GB18030.
 */
public final class UploadFiles {

	static final Charset GB18030 = Charset.forName("GB18030");

	private static final char BOM = '\uFEFF';

	private UploadFiles() {
	}

	/** UTF-8 if the whole file decodes as UTF-8, else GB18030. Streams the file once. */
	public static Charset detectCharset(Path file) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			ByteBuffer bytes = ByteBuffer.allocate(buffer.length + 8);
			CharBuffer chars = CharBuffer.allocate(buffer.length + 8);
			int read;
			while ((read = in.read(buffer)) != -1) {
				bytes.put(buffer, 0, read).flip();
				if (decoder.decode(bytes, chars, false).isError()) {
					return GB18030;
				}
				bytes.compact();
				chars.clear();
			}
			bytes.flip();
			if (decoder.decode(bytes, chars, true).isError() || decoder.flush(chars).isError()) {
				return GB18030;
			}
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException ex) {
			return GB18030;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** JSON Lines if the first character that is not blank opens an object. */
	public static boolean isJsonLines(Path file, Charset charset) {
		try (BufferedReader reader = Files.newBufferedReader(file, charset)) {
			int c;
			while ((c = reader.read()) != -1) {
				if (!Character.isWhitespace(c) && c != BOM) {
					return c == '{';
				}
			}
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Data lines of a file, for the progress bar; streams the file once. */
	public static long countRecords(Path file) {
		Charset charset = detectCharset(file);
		try (BufferedReader reader = Files.newBufferedReader(file, charset)) {
			long lines = reader.lines().filter((line) -> !line.isBlank()).count();
			return isJsonLines(file, charset) ? lines : Math.max(0, lines - 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A restartable reader of the file: the position of a record is its line number.
	 * @param csvType the record type of a CSV file (JSON Lines name theirs)
	 */
	public static FlatFileItemReader<RawRecord> reader(Path file, RecordType csvType, JsonMapper json) {
		Charset charset = detectCharset(file);
		FlatFileItemReader<RawRecord> reader;
		if (isJsonLines(file, charset)) {
			reader = new FlatFileItemReader<>(new FileSystemResource(file), jsonLine(json));
		}
		else {
			String[] header = header(file, charset);
			reader = new FlatFileItemReader<>(new FileSystemResource(file), csvLine(header, csvType));
			reader.setLinesToSkip(1);
		}
		reader.setName("uploadReader");
		reader.setEncoding(charset.name());
		reader.setStrict(true);
		reader.setRecordSeparatorPolicy(new DefaultRecordSeparatorPolicy());
		return reader;
	}

	private static LineMapper<RawRecord> jsonLine(JsonMapper json) {
		return (line, number) -> {
			String text = (number == 1 && !line.isEmpty() && line.charAt(0) == BOM) ? line.substring(1) : line;
			if (text.isBlank()) {
				return RawRecord.malformed(number, "empty line");
			}
			try (JsonParser parser = json.createParser(text)) {
				parser.nextToken();
				RawRecord record = JsonRecords.read(number, parser);
				return (parser.nextToken() == null) ? record
						: RawRecord.malformed(number, "not a JSON object: more after the object's end");
			}
			catch (JacksonException ex) {
				return RawRecord.malformed(number, "not a JSON object: " + ex.getOriginalMessage());
			}
		};
	}

	private static LineMapper<RawRecord> csvLine(String[] header, RecordType type) {
		DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer();
		tokenizer.setNames(header);
		tokenizer.setStrict(false);
		// the header names the fields; the type comes with the upload
		return (line, number) -> {
			if (line.isBlank()) {
				return RawRecord.malformed(number, "empty line");
			}
			FieldSet fields;
			try {
				fields = tokenizer.tokenize(line);
			}
			catch (RuntimeException ex) {
				return RawRecord.malformed(number, "not a CSV line: " + ex.getMessage());
			}
			Map<String, String> values = new HashMap<>();
			for (int i = 0; i < header.length && i < fields.getFieldCount(); i++) {
				String value = fields.readRawString(i);
				if (!value.isEmpty()) {
					values.put(header[i], value);
				}
			}
			if (type != null && !values.containsKey("type")) {
				values.put("type", type.wireName());
			}
			return new RawRecord(number, values, null, null);
		};
	}

	private static String[] header(Path file, Charset charset) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset))) {
			String line = reader.readLine();
			if (line == null) {
				return new String[0];
			}
			if (!line.isEmpty() && line.charAt(0) == BOM) {
				line = line.substring(1);
			}
			return Arrays.stream(line.split(",", -1))
				.map((name) -> name.strip().replace("\"", "").toLowerCase(java.util.Locale.ROOT))
				.toArray(String[]::new);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
