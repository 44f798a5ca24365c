package cn.qinglang.labelcheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GB 45438-2025 Annex E: the implicit label is a JSON object with the keys {@code Label}
 * ("1" AI-generated, "2" possibly, "3" suspected), {@code ContentProducer},
 * {@code ProduceID}, {@code ReservedCode1}, {@code ContentPropagator},
 * {@code PropagateID}, {@code ReservedCode2}. The generation service provider fills the
 * first three (Measures Art. 5); a dissemination platform adds its own two (Art. 6), and
 * since only a platform writes {@code Label} "2" or "3" those two are required there; the
 * reserved codes may be left out. Values are printable ASCII.
 */
final class LabelRules {

	static final List<String> REQUIRED = List.of("Label", "ContentProducer", "ProduceID");

	static final List<String> ALL = List.of("Label", "ContentProducer", "ProduceID", "ReservedCode1",
			"ContentPropagator", "PropagateID", "ReservedCode2");

	private static final Set<String> LABEL_VALUES = Set.of("1", "2", "3");

	/** Strict: no duplicate keys, nothing after the object, shallow and short. */
	private static final JsonMapper JSON = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(
					StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(64 * 1024).build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build())
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private LabelRules() {
	}

	/** The value as a JSON object, or null when it is not one. */
	static JsonNode parse(String value) {
		try {
			JsonNode node = JSON.readTree(value.strip());
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Whether a field that is not in a label's place still holds one: a JSON object with
	 * the label's own keys.
	 */
	static boolean looksLikeLabel(String value) {
		String stripped = value.strip();
		if (!stripped.startsWith("{") || !stripped.contains("Label") && !stripped.contains("ProduceID")) {
			return false;
		}
		JsonNode node = parse(stripped);
		return node != null && (node.has("Label") || node.has("ContentProducer") || node.has("ProduceID"));
	}

	static void check(String location, JsonNode label, boolean viaPlatform, List<Problem> problems) {
		for (String key : REQUIRED) {
			if (!label.has(key)) {
				problems.add(Problem.of(ProblemCode.LABEL_KEY_MISSING, key + " (" + location + ")"));
			}
		}
		for (String key : ALL) {
			JsonNode value = label.get(key);
			if (value != null && !value.isString()) {
				problems.add(Problem.of(ProblemCode.LABEL_VALUE_INVALID, key + " is not a string (" + location + ")"));
			}
			else if (value != null && !Printable.isPrintableAscii(value.asString())) {
				problems.add(Problem.of(ProblemCode.VALUE_NOT_PRINTABLE_ASCII, key + " (" + location + ")"));
			}
		}
		JsonNode attribute = label.get("Label");
		if (attribute != null && attribute.isString() && !LABEL_VALUES.contains(attribute.asString())) {
			problems.add(Problem.of(ProblemCode.LABEL_VALUE_INVALID,
					"Label \"" + attribute.asString() + "\" is not 1, 2 or 3 (" + location + ")"));
		}
		if (label.has("ContentProducer") && text(label, "ContentProducer").isBlank()) {
			problems.add(Problem.of(ProblemCode.PRODUCER_EMPTY, location));
		}
		if (label.has("ProduceID") && text(label, "ProduceID").isBlank()) {
			problems.add(Problem.of(ProblemCode.PRODUCE_ID_EMPTY, location));
		}
		boolean propagator = !text(label, "ContentPropagator").isBlank();
		boolean propagateId = !text(label, "PropagateID").isBlank();
		String platformAttribute = platformAttribute(label);
		if (platformAttribute != null && !(propagator && propagateId)) {
			problems.add(Problem.of(ProblemCode.PROPAGATOR_MISSING,
					"Label \"" + platformAttribute + "\" is written only by a dissemination platform:"
							+ " ContentPropagator and PropagateID are required (" + location + ")"));
		}
		else if (viaPlatform && !(propagator && propagateId)) {
			problems.add(Problem.of(ProblemCode.PROPAGATOR_MISSING,
					"ContentPropagator and PropagateID are required after a platform (" + location + ")"));
		}
		else if (propagator != propagateId) {
			problems.add(Problem.of(ProblemCode.PROPAGATOR_MISSING,
					"only one of ContentPropagator and PropagateID is filled (" + location + ")"));
		}
	}

	/** The object's top-level entries for the report, strings made printable. */
	static Map<String, Object> fields(JsonNode label) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : label.properties()) {
			JsonNode value = entry.getValue();
			fields.put(Printable.clip(entry.getKey(), 60),
					value.isString() ? Printable.clip(value.asString(), 300) : Printable.clip(value.toString(), 300));
		}
		return fields;
	}

	/**
	 * "2" (possibly) or "3" (suspected) when {@code Label} says so: only a dissemination
	 * platform marks content so (Measures Art. 6), so the file has passed one whatever
	 * the inspector ticked. A number 2 or 3 says the same; that it is no string is
	 * reported apart.
	 */
	private static String platformAttribute(JsonNode label) {
		JsonNode attribute = label.get("Label");
		String value = (attribute == null) ? null : attribute.isString() ? attribute.asString()
				: attribute.isIntegralNumber() ? attribute.asString() : null;
		return ("2".equals(value) || "3".equals(value)) ? value : null;
	}

	private static String text(JsonNode label, String key) {
		JsonNode value = label.get(key);
		return (value != null && value.isString()) ? value.asString() : "";
	}

}
