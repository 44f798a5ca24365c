package cn.qinglang.batch.records;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The platform reporting interface v1 as data: the fields of each record type with their
 * kind, whether they are required and which values they allow. The validation and the
 * published interface page are both read from here, so that they cannot drift apart.
 */
public final class PlatformInterface {

	/** The Measures are in force from this day; nothing earlier is reported. */
	public static final LocalDate FIRST_DAY = LocalDate.of(2025, 9, 1);

	/**
	 * How far a platform's clock may run ahead of the portal's: a time (or a day) up to
	 * this much after the moment of validation is not in the future.
	 */
	public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

	public static final int MAX_PAGE_SIZE = 5000;

	public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

	private static final List<String> CONTENT_TYPES = names(ContentType.values());

	private static final List<String> CATEGORIES = names(ComplaintCategory.values());

	private static final List<FieldSpec> COMMON = List.of(
			new FieldSpec("type", FieldKind.CODE, true, 24,
					Arrays.stream(RecordType.values()).map(RecordType::wireName).toList()),
			new FieldSpec("id", FieldKind.ID, true, 64, List.of()),
			new FieldSpec("enterprise", FieldKind.CREDIT_CODE, true, 18, List.of()));

	private static final Map<RecordType, List<FieldSpec>> FIELDS = Map.of(RecordType.LABELING_METRIC,
			List.of(new FieldSpec("date", FieldKind.DATE, true, 10, List.of()),
					new FieldSpec("content_type", FieldKind.CODE, true, 16, CONTENT_TYPES), count("published"),
					count("explicit_labeled"), count("implicit_labeled"), count("user_declared"),
					count("platform_detected"), count("verified"), count("appeals_filed"), count("appeals_upheld"),
					count("tampering_detected")),
			RecordType.COMPLAINT,
			List.of(new FieldSpec("received_at", FieldKind.DATE_TIME, true, 35, List.of()),
					new FieldSpec("category", FieldKind.CODE, true, 32, CATEGORIES),
					new FieldSpec("content_type", FieldKind.CODE, true, 16, CONTENT_TYPES),
					new FieldSpec("channel", FieldKind.CODE, true, 24, names(ComplaintChannel.values())),
					new FieldSpec("status", FieldKind.CODE, true, 16, names(ComplaintStatus.values())),
					new FieldSpec("handled_at", FieldKind.DATE_TIME, false, 35, List.of()),
					new FieldSpec("outcome", FieldKind.CODE, false, 24, names(ComplaintOutcome.values())),
					new FieldSpec("summary", FieldKind.TEXT, false, 500, List.of())),
			RecordType.ENFORCEMENT_ACTION,
			List.of(new FieldSpec("date", FieldKind.DATE, true, 10, List.of()),
					new FieldSpec("actor", FieldKind.CODE, true, 16, names(EnforcementActor.values())),
					new FieldSpec("action_type", FieldKind.CODE, true, 24, names(EnforcementType.values())),
					new FieldSpec("category", FieldKind.CODE, true, 32, CATEGORIES),
					new FieldSpec("count", FieldKind.COUNT, true, 12, List.of()),
					new FieldSpec("amount", FieldKind.AMOUNT, false, 16, List.of()),
					new FieldSpec("note", FieldKind.TEXT, false, 500, List.of())));

	private PlatformInterface() {
	}

	/**
	 * The fields every record carries: its type, the platform's id and the enterprise.
	 */
	public static List<FieldSpec> commonFields() {
		return COMMON;
	}

	/**
	 * The fields of one record type after the common ones, in the order of a CSV file.
	 */
	public static List<FieldSpec> fields(RecordType type) {
		return FIELDS.get(type);
	}

	private static FieldSpec count(String name) {
		return new FieldSpec(name, FieldKind.COUNT, true, 12, List.of());
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	/** What a field holds on the wire. */
	public enum FieldKind {

		/** The platform's own stable id: 1 to 64 of A–Z a–z 0–9 . _ : - */
		ID,
		/** The enterprise's unified social credit code, 18 characters. */
		CREDIT_CODE,
		/** An ISO date, yyyy-MM-dd, a Beijing day. */
		DATE,
		/** An ISO date and time with offset, e.g. 2026-05-18T09:30:00+08:00. */
		DATE_TIME,
		/** A whole number from 0 to 999,999,999,999. */
		COUNT,
		/** An amount in yuan with at most two decimals. */
		AMOUNT,
		/** One of the listed values. */
		CODE,
		/** Free text, UTF-8. */
		TEXT

	}

	/**
	 * A field of a record type.
	 *
	 * @param name its name in JSON and in a CSV header
	 * @param kind what it holds
	 * @param required whether a record without it is refused
	 * @param maxLength the longest value accepted, in characters
	 * @param allowed the allowed values of a code, empty for other kinds
	 */
	public record FieldSpec(String name, FieldKind kind, boolean required, int maxLength, List<String> allowed) {
	}

	/** Content types of the labeling Measures, Art. 4. */
	public enum ContentType {

		TEXT, IMAGE, AUDIO, VIDEO, VIRTUAL_SCENE

	}

	/** The campaign's four key categories of governance. */
	public enum CampaignCategory {

		/** Fake news, forged policy documents, tampered official data. */
		FAKE_INFORMATION,
		/** Infringing and vulgar content: face-swapping, voice mimicry. */
		INFRINGEMENT,
		/** Rumors and false information inciting confrontation. */
		RUMOR,
		/** Obscenity, pornography, violence, terrorism. */
		HARMFUL_CONTENT

	}

	/**
	 * What a complaint or an action is about: the platforms' red lines, each mapped to
	 * the campaign's key category where one fits.
	 */
	public enum ComplaintCategory {

		UNLABELED_AI_CONTENT(null), FABRICATION(CampaignCategory.FAKE_INFORMATION),
		INFRINGEMENT_LIKENESS(CampaignCategory.INFRINGEMENT), INFRINGEMENT_VOICE(CampaignCategory.INFRINGEMENT),
		INFRINGEMENT_WORKS(CampaignCategory.INFRINGEMENT), LOW_QUALITY_MASS_PRODUCTION(null),
		UNAUTHORIZED_OPERATION(null), IMPERSONATION(CampaignCategory.FAKE_INFORMATION), LABEL_TAMPERING(null),
		UNREGISTERED_VIRTUAL_PERSON(null), RUMOR(CampaignCategory.RUMOR),
		HARMFUL_CONTENT(CampaignCategory.HARMFUL_CONTENT), OTHER(null);

		private final CampaignCategory campaignCategory;

		ComplaintCategory(CampaignCategory campaignCategory) {
			this.campaignCategory = campaignCategory;
		}

		/** The campaign's key category, or null where none fits. */
		public CampaignCategory campaignCategory() {
			return this.campaignCategory;
		}

	}

	public enum ComplaintChannel {

		IN_APP_REPORT, WEB_FORM, HOTLINE, EMAIL, REGULATOR_REFERRAL

	}

	public enum ComplaintStatus {

		RECEIVED, IN_PROGRESS, HANDLED, DISMISSED;

		/** Whether the complaint is closed and so must say when. */
		public boolean closed() {
			return this == HANDLED || this == DISMISSED;
		}

	}

	public enum ComplaintOutcome {

		CONTENT_REMOVED, LABEL_ADDED, ACCOUNT_RESTRICTED, ACCOUNT_BANNED, NO_VIOLATION, OTHER

	}

	public enum EnforcementActor {

		PLATFORM, REGULATOR

	}

	/** What was done, and by whom it can be done. */
	public enum EnforcementType {

		CONTENT_REMOVED(EnforcementActor.PLATFORM), LABEL_ADDED(EnforcementActor.PLATFORM),
		ACCOUNT_RESTRICTED(EnforcementActor.PLATFORM), ACCOUNT_BANNED(EnforcementActor.PLATFORM),
		INTERVIEW(EnforcementActor.REGULATOR), ORDER_TO_RECTIFY(EnforcementActor.REGULATOR),
		WARNING(EnforcementActor.REGULATOR), FINE(EnforcementActor.REGULATOR), APP_REMOVAL(EnforcementActor.REGULATOR);

		private final EnforcementActor actor;

		EnforcementType(EnforcementActor actor) {
			this.actor = actor;
		}

		public EnforcementActor actor() {
			return this.actor;
		}

	}

}
