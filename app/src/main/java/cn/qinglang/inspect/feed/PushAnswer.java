package cn.qinglang.inspect.feed;

import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The answer to a pushed request: the counts, and every record in the order sent.
 *
 * @param sandbox whether nothing was stored (a sandbox token, or {@code dryRun=true})
 * @param run the feed run the records were counted in, or null in the sandbox
 */
record PushAnswer(boolean sandbox, Long run, int received, int created, int updated, int unchanged, int rejected,
		List<Item> results) {

	/**
	 * What became of one record.
	 *
	 * @param position its place in the request, from 1
	 * @param status {@code CREATED}, {@code UPDATED}, {@code UNCHANGED} or
	 * {@code REJECTED}
	 * @param field for a refused record, the field refused ({@code (record)} for the
	 * whole)
	 * @param reason for a refused record, the interface's reason code
	 * @param message for a refused record, why, in the request's language
	 */
	@JsonSerialize(using = ItemWriter.class)
	record Item(int position, String id, String type, String status, String field, String reason, String message) {
	}

	/**
	 * Writes an item's fields in their order, nulls included, as Jackson's record
	 * serializer would, without its reflection: an answer has an item per record, and
	 * writing a thousand took a tenth of a push's time in the portal.
	 */
	static final class ItemWriter extends ValueSerializer<Item> {

		@Override
		public void serialize(Item item, JsonGenerator json, SerializationContext context) {
			json.writeStartObject(item);
			json.writeNumberProperty("position", item.position());
			json.writeStringProperty("id", item.id());
			json.writeStringProperty("type", item.type());
			json.writeStringProperty("status", item.status());
			json.writeStringProperty("field", item.field());
			json.writeStringProperty("reason", item.reason());
			json.writeStringProperty("message", item.message());
			json.writeEndObject();
		}

	}

}
