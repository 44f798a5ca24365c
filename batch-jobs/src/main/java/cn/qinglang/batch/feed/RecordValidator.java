package cn.qinglang.batch.feed;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import cn.qinglang.batch.feed.FeedItem.Accepted;
import cn.qinglang.batch.feed.FeedItem.Rejected;
import cn.qinglang.batch.feed.PlatformRecord.Complaint;
import cn.qinglang.batch.feed.PlatformRecord.EnforcementAction;
import cn.qinglang.batch.feed.PlatformRecord.LabelingMetric;
import cn.qinglang.batch.records.PlatformInterface.ComplaintCategory;
import cn.qinglang.batch.records.PlatformInterface.ComplaintChannel;
import cn.qinglang.batch.records.PlatformInterface.ComplaintOutcome;
import cn.qinglang.batch.records.PlatformInterface.ComplaintStatus;
import cn.qinglang.batch.records.PlatformInterface.ContentType;
import cn.qinglang.batch.records.PlatformInterface.EnforcementActor;
import cn.qinglang.batch.records.PlatformInterface.EnforcementType;
import cn.qinglang.batch.records.PlatformInterface.FieldSpec;
import cn.qinglang.batch.records.PlatformInterface;
import cn.qinglang.batch.records.RecordType;
import cn.qinglang.batch.records.RejectReason;

/**
 * Checks one record against the interface: every field on its own, then the rules between
 * fields. The first problem found is the one reported.
 */
public class RecordValidator implements ItemProcessor<RawRecord, FeedItem> {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final long MAX_COUNT = 999_999_999_999L;

	private static final int MAX_COUNT_DIGITS = 12;

	private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

	// an amount written longer than this is no amount of the interface (a plain one
	// has at most 16 characters); BigDecimal is not asked to read megabytes of digits
	private static final int MAX_NUMBER_CHARS = 40;

	/**
	 * Each type's fields by name, the common ones included: built once, read per record.
	 */
	private static final Map<RecordType, Map<String, FieldSpec>> SPECS = specs();

	private final String creditCode;

	private final RecordType defaultType;

	private final Clock clock;

	/**
	 * @param creditCode the feed's enterprise: every record must name it
	 * @param defaultType the type of records without a type field (a CSV file), or null
	 * @param clock what "in the future" is measured against; its zone is the one whose
	 * days the records are counted in (the portal's configured zone)
	 */
	public RecordValidator(String creditCode, RecordType defaultType, Clock clock) {
		this.creditCode = creditCode;
		this.defaultType = defaultType;
		this.clock = clock;
	}

	@Override
	public FeedItem process(RawRecord raw) {
		String id = raw.fields().get("id");
		String shownId = (id == null || id.isBlank()) ? null : (id.length() > 64) ? id.substring(0, 64) : id;
		if (raw.refusal() != null) {
			String field = (raw.refusal() == RejectReason.DUPLICATE_ID) ? "id" : "(record)";
			RecordType known = RecordType.ofWireName(String.valueOf(raw.fields().get("type")).strip())
				.orElse(this.defaultType);
			return new Rejected(raw.position(), shownId, known, field, raw.refusal(), raw.detail(),
					raw.pageEndCursor());
		}
		RecordType type = this.defaultType;
		try {
			String typeName = raw.fields().get("type");
			if (typeName != null && !typeName.isBlank()) {
				type = RecordType.ofWireName(typeName.strip())
					.orElseThrow(() -> new Problem("type", RejectReason.UNKNOWN_TYPE,
							"'" + clip(typeName) + "' is not labeling_metric, complaint or enforcement_action"));
			}
			else if (type == null) {
				throw new Problem("type", RejectReason.REQUIRED, "type is required");
			}
			Fields fields = new Fields(raw.fields(), type);
			PlatformRecord record = switch (type) {
				case LABELING_METRIC -> labelingMetric(fields);
				case COMPLAINT -> complaint(fields);
				case ENFORCEMENT_ACTION -> enforcementAction(fields);
			};
			return new Accepted(raw.position(), record, raw.pageEndCursor());
		}
		catch (Problem problem) {
			return new Rejected(raw.position(), shownId, type, problem.field, problem.reason, problem.getMessage(),
					raw.pageEndCursor());
		}
	}

	private LabelingMetric labelingMetric(Fields fields) {
		String id = common(fields);
		LocalDate day = day(fields, "date");
		ContentType contentType = fields.code("content_type", ContentType.class);
		long published = fields.count("published");
		long explicit = notAbove(fields, "explicit_labeled", published);
		long implicit = notAbove(fields, "implicit_labeled", published);
		long declared = notAbove(fields, "user_declared", published);
		long detected = notAbove(fields, "platform_detected", published);
		long verified = notAbove(fields, "verified", published);
		long filed = fields.count("appeals_filed");
		long upheld = fields.count("appeals_upheld");
		if (upheld > filed) {
			throw new Problem("appeals_upheld", RejectReason.ABOVE_TOTAL,
					"appeals_upheld " + upheld + " is above appeals_filed " + filed);
		}
		long tampering = fields.count("tampering_detected");
		return new LabelingMetric(id, day, contentType, published, explicit, implicit, declared, detected, verified,
				filed, upheld, tampering);
	}

	private Complaint complaint(Fields fields) {
		String id = common(fields);
		Instant received = instant(fields, "received_at");
		ComplaintCategory category = fields.code("category", ComplaintCategory.class);
		ContentType contentType = fields.code("content_type", ContentType.class);
		ComplaintChannel channel = fields.code("channel", ComplaintChannel.class);
		ComplaintStatus status = fields.code("status", ComplaintStatus.class);
		Instant handled = fields.has("handled_at") ? instant(fields, "handled_at") : null;
		ComplaintOutcome outcome = fields.has("outcome") ? fields.code("outcome", ComplaintOutcome.class) : null;
		String summary = fields.text("summary");
		if (handled != null && handled.isBefore(received)) {
			throw new Problem("handled_at", RejectReason.HANDLED_BEFORE_RECEIVED,
					"handled_at " + fields.get("handled_at") + " is before received_at " + fields.get("received_at"));
		}
		if (status.closed() && handled == null) {
			throw new Problem("handled_at", RejectReason.INCONSISTENT,
					"a complaint with status " + status + " needs handled_at");
		}
		if (!status.closed() && (handled != null || outcome != null)) {
			throw new Problem(handled != null ? "handled_at" : "outcome", RejectReason.INCONSISTENT,
					"a complaint with status " + status + " has no handled_at or outcome yet");
		}
		if (status == ComplaintStatus.HANDLED && outcome == null) {
			throw new Problem("outcome", RejectReason.INCONSISTENT, "a HANDLED complaint needs an outcome");
		}
		return new Complaint(id, received, LocalDate.ofInstant(received, this.clock.getZone()), category, contentType,
				channel, status, handled, outcome, summary);
	}

	private EnforcementAction enforcementAction(Fields fields) {
		String id = common(fields);
		LocalDate day = day(fields, "date");
		EnforcementActor actor = fields.code("actor", EnforcementActor.class);
		EnforcementType type = fields.code("action_type", EnforcementType.class);
		ComplaintCategory category = fields.code("category", ComplaintCategory.class);
		long count = fields.count("count");
		BigDecimal amount = fields.has("amount") ? fields.amount("amount") : null;
		String note = fields.text("note");
		if (type.actor() != actor) {
			throw new Problem("action_type", RejectReason.INCONSISTENT,
					type + " is an action of the " + type.actor() + ", not of the " + actor);
		}
		if (count < 1) {
			throw new Problem("count", RejectReason.OUT_OF_RANGE, "count must be at least 1");
		}
		if (type == EnforcementType.FINE && amount == null) {
			throw new Problem("amount", RejectReason.INCONSISTENT, "a FINE needs its amount");
		}
		if (type != EnforcementType.FINE && amount != null) {
			throw new Problem("amount", RejectReason.INCONSISTENT, "only a FINE has an amount");
		}
		return new EnforcementAction(id, day, actor, type, category, count, amount, note);
	}

	private String common(Fields fields) {
		String id = fields.required("id");
		if (!ID.matcher(id).matches()) {
			throw new Problem("id", RejectReason.WRONG_TYPE, "id must be 1 to 64 of A-Z a-z 0-9 . _ : -");
		}
		String enterprise = fields.required("enterprise");
		if (!enterprise.equalsIgnoreCase(this.creditCode)) {
			throw new Problem("enterprise", RejectReason.OTHER_ENTERPRISE,
					"'" + clip(enterprise) + "' is not this feed's enterprise");
		}
		return id;
	}

	private LocalDate day(Fields fields, String name) {
		String value = fields.required(name);
		LocalDate day;
		try {
			day = LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new Problem(name, RejectReason.WRONG_TYPE, "'" + clip(value) + "' is not a date like 2026-05-18");
		}
		if (day.isAfter(LocalDate.ofInstant(this.clock.instant().plus(PlatformInterface.CLOCK_TOLERANCE),
				this.clock.getZone()))) {
			throw new Problem(name, RejectReason.IN_FUTURE, value + " is in the future");
		}
		if (day.isBefore(PlatformInterface.FIRST_DAY)) {
			throw new Problem(name, RejectReason.OUT_OF_RANGE, value + " is before " + PlatformInterface.FIRST_DAY);
		}
		return day;
	}

	private Instant instant(Fields fields, String name) {
		String value = fields.required(name);
		Instant instant;
		try {
			instant = OffsetTimes.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new Problem(name, RejectReason.WRONG_TYPE,
					"'" + clip(value) + "' is not a time with offset like 2026-05-18T09:30:00+08:00");
		}
		if (instant.isAfter(this.clock.instant().plus(PlatformInterface.CLOCK_TOLERANCE))) {
			throw new Problem(name, RejectReason.IN_FUTURE, value + " is in the future");
		}
		if (LocalDate.ofInstant(instant, this.clock.getZone()).isBefore(PlatformInterface.FIRST_DAY)) {
			throw new Problem(name, RejectReason.OUT_OF_RANGE, value + " is before " + PlatformInterface.FIRST_DAY);
		}
		return instant;
	}

	private static long notAbove(Fields fields, String name, long published) {
		long value = fields.count(name);
		if (value > published) {
			throw new Problem(name, RejectReason.ABOVE_TOTAL, name + " " + value + " is above published " + published);
		}
		return value;
	}

	private static Map<RecordType, Map<String, FieldSpec>> specs() {
		Map<RecordType, Map<String, FieldSpec>> specs = new EnumMap<>(RecordType.class);
		for (RecordType type : RecordType.values()) {
			Map<String, FieldSpec> byName = new HashMap<>();
			PlatformInterface.commonFields().forEach((spec) -> byName.put(spec.name(), spec));
			PlatformInterface.fields(type).forEach((spec) -> byName.put(spec.name(), spec));
			specs.put(type, Map.copyOf(byName));
		}
		return specs;
	}

	static String clip(String value) {
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

	/** The values of one record with the checks of a single field. */
	private static final class Fields {

		private final Map<String, String> values;

		private final Map<String, FieldSpec> specs;

		Fields(Map<String, String> values, RecordType type) {
			this.values = values;
			this.specs = SPECS.get(type);
		}

		String get(String name) {
			String value = this.values.get(name);
			return (value != null) ? value.strip() : null;
		}

		boolean has(String name) {
			String value = get(name);
			return value != null && !value.isEmpty();
		}

		String present(String name) {
			if (!has(name)) {
				throw new Problem(name, RejectReason.REQUIRED, name + " is required");
			}
			return get(name);
		}

		String required(String name) {
			String value = present(name);
			int max = this.specs.get(name).maxLength();
			if (value.length() > max) {
				throw new Problem(name, RejectReason.TOO_LONG, name + " is longer than " + max + " characters");
			}
			return value;
		}

		String text(String name) {
			if (!has(name)) {
				return null;
			}
			String value = get(name);
			int max = this.specs.get(name).maxLength();
			if (value.codePointCount(0, value.length()) > max) {
				throw new Problem(name, RejectReason.TOO_LONG, name + " is longer than " + max + " characters");
			}
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				// control characters other than tab and line breaks (NUL among them), and
				// half a surrogate pair, are not text: stored, they came back as '?' or
				// broke the exports
				boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
				boolean loneSurrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
						&& i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)));
				if (control || loneSurrogate) {
					throw new Problem(name, RejectReason.WRONG_TYPE,
							name + " holds a character that is not text (U+%04X at %d)".formatted((int) c, i + 1));
				}
				if (Character.isHighSurrogate(c)) {
					i++;
				}
			}
			return value;
		}

		/**
		 * A number is judged by its value: one too big is out of range, whatever its
		 * length in characters.
		 */
		long count(String name) {
			String value = present(name);
			if (!WHOLE_NUMBER.matcher(value).matches()) {
				throw new Problem(name, RejectReason.WRONG_TYPE, "'" + clip(value) + "' is not a whole number");
			}
			// the maximum is the largest number of its digits: counting them is enough
			String digits = value.replaceFirst("^[+-]?0*", "");
			if ((value.startsWith("-") && !digits.isEmpty()) || digits.length() > MAX_COUNT_DIGITS) {
				throw new Problem(name, RejectReason.OUT_OF_RANGE,
						name + " " + clip(value) + " is not within 0 to " + MAX_COUNT);
			}
			return digits.isEmpty() ? 0 : Long.parseLong(digits);
		}

		BigDecimal amount(String name) {
			String value = present(name);
			BigDecimal amount;
			try {
				amount = (value.length() <= MAX_NUMBER_CHARS) ? new BigDecimal(value) : null;
			}
			catch (NumberFormatException ex) {
				amount = null;
			}
			if (amount == null) {
				throw new Problem(name, RejectReason.WRONG_TYPE,
						"'" + clip(value) + "' is not an amount like 50000.00");
			}
			if (amount.scale() > 2 || amount.signum() <= 0 || amount.compareTo(PlatformInterface.MAX_AMOUNT) > 0) {
				throw new Problem(name, RejectReason.OUT_OF_RANGE,
						name + " must be above 0, at most " + PlatformInterface.MAX_AMOUNT + ", two decimals");
			}
			return amount;
		}

		<E extends Enum<E>> E code(String name, Class<E> type) {
			String value = required(name);
			try {
				return Enum.valueOf(type, value);
			}
			catch (IllegalArgumentException ex) {
				throw new Problem(name, RejectReason.NOT_ALLOWED,
						"'" + clip(value) + "' is not one of " + String.join(", ", this.specs.get(name).allowed()));
			}
		}

	}

	/** The first thing wrong with a record. */
	private static final class Problem extends RuntimeException {

		private final String field;

		private final RejectReason reason;

		Problem(String field, RejectReason reason, String detail) {
			super(detail, null, false, false);
			this.field = field;
			this.reason = reason;
		}

	}

}
