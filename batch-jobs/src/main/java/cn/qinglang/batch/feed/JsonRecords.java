package cn.qinglang.batch.feed;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import cn.qinglang.batch.records.RejectReason;

/**
 * A JSON object of the interface as a record's text values, read straight from the
 * parser: no tree is built for a record that is only turned into text.
 */
final class JsonRecords {

	/** The longest text value read; the interface's longest field has 500 characters. */
	static final int MAX_STRING_LENGTH = 16 * 1024;

	/**
	 * The longest value the reader reads at all: a value between this and
	 * {@link #MAX_STRING_LENGTH} costs only its record ({@code TOO_LONG}), not the page
	 * or the request it came in; a longer one makes the whole unreadable.
	 */
	static final int MAX_TOKEN_LENGTH = 1024 * 1024;

	/** How deep objects and arrays may nest in what a platform sends. */
	static final int MAX_NESTING_DEPTH = 64;

	private JsonRecords() {
	}

	/**
	 * The JSON reader of what platforms send, with limits far below Jackson's defaults: a
	 * value of megabytes or a nesting of thousands is refused as malformed rather than
	 * held in memory.
	 */
	static JsonMapper mapper() {
		return JsonMapper
			.builder(JsonFactory.builder()
				.streamReadConstraints(StreamReadConstraints.builder()
					.maxStringLength(MAX_TOKEN_LENGTH)
					.maxNameLength(1024)
					// a count written with too many digits is the record's OUT_OF_RANGE
					.maxNumberLength(1000)
					.maxNestingDepth(MAX_NESTING_DEPTH)
					.build())
				.build())
			.build();
	}

	/**
	 * Reads the value the parser is on, whole, as one record. Numbers read as text the
	 * way Jackson's tree writes them ({@code 50000.00} as {@code 50000.0}), as before.
	 */
	static RawRecord read(long position, JsonParser parser) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return RawRecord.malformed(position, "not a JSON object");
		}
		Map<String, String> fields = new HashMap<>(32);
		String notSingle = null;
		String tooLong = null;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken token = parser.nextToken();
			switch (token) {
				case VALUE_STRING -> {
					String value = parser.getString();
					if (value.length() > MAX_STRING_LENGTH) {
						fields.remove(name);
						tooLong = (tooLong != null) ? tooLong : name;
					}
					else {
						fields.put(name, value);
					}
				}
				case VALUE_NUMBER_INT -> fields.put(name, parser.getNumberValue().toString());
				case VALUE_NUMBER_FLOAT -> fields.put(name, String.valueOf(parser.getDoubleValue()));
				case VALUE_TRUE, VALUE_FALSE -> fields.put(name, parser.getString());
				case VALUE_NULL -> fields.remove(name);
				default -> {
					parser.skipChildren();
					fields.remove(name);
					notSingle = (notSingle != null) ? notSingle : name;
				}
			}
		}
		if (notSingle != null) {
			return RawRecord.refused(position, Map.of("id", fields.getOrDefault("id", "")), RejectReason.MALFORMED,
					"field " + RecordValidator.clip(notSingle) + " is not a single value");
		}
		if (tooLong != null) {
			return RawRecord.refused(position, Map.of("id", fields.getOrDefault("id", "")), RejectReason.TOO_LONG,
					"field " + RecordValidator.clip(tooLong) + " is longer than " + MAX_STRING_LENGTH + " characters");
		}
		return RawRecord.of(position, fields);
	}

}
