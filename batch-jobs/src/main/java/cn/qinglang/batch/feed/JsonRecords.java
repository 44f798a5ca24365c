package cn.qinglang.batch.feed;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A JSON object of the interface as a record's text values.
 */
final class JsonRecords {

	private JsonRecords() {
	}

	static RawRecord toRaw(long position, JsonNode node) {
		if (node == null || !node.isObject()) {
			return RawRecord.malformed(position, "not a JSON object");
		}
		Map<String, String> fields = new HashMap<>();
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			JsonNode value = property.getValue();
			if (value.isNull()) {
				continue;
			}
			if (!value.isValueNode()) {
				return new RawRecord(position, Map.of("id", String.valueOf(node.path("id").asString(""))),
						"field " + RecordValidator.clip(property.getKey()) + " is not a single value", null);
			}
			fields.put(property.getKey(), value.asString());
		}
		return new RawRecord(position, fields, null, null);
	}

}
