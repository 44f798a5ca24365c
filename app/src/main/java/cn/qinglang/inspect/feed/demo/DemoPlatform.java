package cn.qinglang.inspect.feed.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.qinglang.batch.records.PlatformInterface.ComplaintCategory;
import cn.qinglang.batch.records.PlatformInterface.ComplaintChannel;
import cn.qinglang.batch.records.PlatformInterface.ComplaintOutcome;
import cn.qinglang.batch.records.PlatformInterface.ContentType;
import cn.qinglang.batch.records.PlatformInterface.EnforcementType;
import cn.qinglang.batch.records.PlatformInterface;

/**
 * A simulated platform of interface v1, the same for the same seed: a few large platforms
 * and many small ones, labeling compliance that varies by enterprise and improves after
 * the campaign starts on 2026-05-18 (except for the laggards), and a few platforms that
 * send deliberately bad records. Its cursor is {@code <day>:<offset>}; days run from
 * 2025-09-01 to the day before {@code today}.
 */
final class DemoPlatform {

	static final LocalDate CAMPAIGN_START = LocalDate.of(2026, 5, 18);

	private final long seed;

	private final long enterpriseId;

	private final String creditCode;

	private final boolean large;

	private final boolean laggard;

	private final boolean sendsBadRecords;

	private final double baseCompliance;

	private final List<ContentType> contentTypes;

	private final ZoneId zone;

	/**
	 * @param zone the portal's zone: the days and the offsets of the records' times
	 */
	DemoPlatform(long seed, long enterpriseId, String creditCode, ZoneId zone) {
		this.zone = zone;
		this.seed = seed;
		this.enterpriseId = enterpriseId;
		this.creditCode = creditCode;
		Random random = new Random(seed * 31 + enterpriseId);
		this.large = enterpriseId % 30 == 2;
		this.laggard = enterpriseId % 23 == 7;
		this.sendsBadRecords = enterpriseId % 40 == 3;
		this.baseCompliance = 0.45 + random.nextDouble() * 0.4;
		ContentType[] all = ContentType.values();
		int kinds = this.large ? all.length : 2;
		int first = random.nextInt(all.length);
		this.contentTypes = new ArrayList<>();
		for (int i = 0; i < kinds; i++) {
			this.contentTypes.add(all[(first + i) % all.length]);
		}
	}

	/** The page starting at the cursor, as the interface's JSON. */
	String page(String cursor, int limit, LocalDate today) {
		LocalDate day = PlatformInterface.FIRST_DAY;
		int offset = 0;
		if (cursor != null && !cursor.isBlank()) {
			String[] parts = cursor.split(":");
			day = LocalDate.parse(parts[0]);
			offset = Integer.parseInt(parts[1]);
		}
		List<String> records = new ArrayList<>();
		while (day.isBefore(today) && records.size() < limit) {
			List<String> ofDay = recordsOf(day, today);
			while (offset < ofDay.size() && records.size() < limit) {
				records.add(ofDay.get(offset++));
			}
			if (offset >= ofDay.size()) {
				day = day.plusDays(1);
				offset = 0;
			}
		}
		boolean hasMore = day.isBefore(today);
		return "{\"records\":[" + String.join(",", records) + "],\"next_cursor\":\"" + day + ":" + offset
				+ "\",\"has_more\":" + hasMore + "}";
	}

	/** Every record of one day, in a fixed order. */
	List<String> recordsOf(LocalDate day, LocalDate today) {
		Random random = new Random(this.seed ^ (this.enterpriseId * 1_000_003L) ^ day.toEpochDay() * 7_919L);
		List<String> records = new ArrayList<>();
		double compliance = compliance(day, random);
		for (ContentType type : this.contentTypes) {
			records.add(metric(day, type, compliance, random));
		}
		int complaints = this.large ? 15 + random.nextInt(20) : random.nextInt(3);
		for (int n = 0; n < complaints; n++) {
			records.add(complaint(day, n, today, random));
		}
		if (random.nextInt(this.large ? 2 : 12) == 0) {
			records.add(action(day, 0, random));
		}
		if (this.sendsBadRecords) {
			for (int i = 0; i < records.size(); i++) {
				if (Math.floorMod(day.toEpochDay() * 13 + i, 41) == 0) {
					records.set(i, corrupt(records.get(i), random));
				}
			}
		}
		return records;
	}

	private double compliance(LocalDate day, Random random) {
		double improvement = 0;
		if (!this.laggard && !day.isBefore(CAMPAIGN_START)) {
			long weeks = (day.toEpochDay() - CAMPAIGN_START.toEpochDay()) / 7;
			improvement = Math.min(0.4, weeks * 0.02);
		}
		return Math.min(0.99, this.baseCompliance + improvement + (random.nextDouble() - 0.5) * 0.04);
	}

	private String metric(LocalDate day, ContentType type, double compliance, Random random) {
		long published = this.large ? 20_000 + random.nextInt(60_000) : 50 + random.nextInt(600);
		long explicit = Math.round(published * compliance);
		long implicit = Math.round(published * Math.max(0, compliance - 0.1));
		long declared = Math.round(published * 0.05 * random.nextDouble());
		long detected = Math.round(published * 0.03 * random.nextDouble());
		long verified = Math.round(published * Math.min(1, compliance + 0.05));
		long filed = random.nextInt(this.large ? 40 : 3);
		long upheld = (filed > 0) ? random.nextInt((int) filed + 1) : 0;
		long tampering = random.nextInt(this.large ? 10 : 2);
		return "{\"type\":\"labeling_metric\",\"id\":\"m-" + day + "-" + type + "\",\"enterprise\":\"" + this.creditCode
				+ "\",\"date\":\"" + day + "\",\"content_type\":\"" + type + "\",\"published\":" + published
				+ ",\"explicit_labeled\":" + explicit + ",\"implicit_labeled\":" + implicit + ",\"user_declared\":"
				+ declared + ",\"platform_detected\":" + detected + ",\"verified\":" + verified + ",\"appeals_filed\":"
				+ filed + ",\"appeals_upheld\":" + upheld + ",\"tampering_detected\":" + tampering + "}";
	}

	private String complaint(LocalDate day, int n, LocalDate today, Random random) {
		ComplaintCategory category = ComplaintCategory.values()[random.nextInt(ComplaintCategory.values().length)];
		ContentType type = this.contentTypes.get(random.nextInt(this.contentTypes.size()));
		ComplaintChannel channel = ComplaintChannel.values()[random.nextInt(ComplaintChannel.values().length)];
		OffsetDateTime received = day.atTime(LocalTime.of(random.nextInt(24), random.nextInt(60)))
			.atZone(this.zone)
			.toOffsetDateTime();
		StringBuilder json = new StringBuilder("{\"type\":\"complaint\",\"id\":\"c-").append(day)
			.append('-')
			.append(n)
			.append("\",\"enterprise\":\"")
			.append(this.creditCode)
			.append("\",\"received_at\":\"")
			.append(received)
			.append("\",\"category\":\"")
			.append(category)
			.append("\",\"content_type\":\"")
			.append(type)
			.append("\",\"channel\":\"")
			.append(channel)
			.append('"');
		// older complaints are closed; the laggards leave more of them open
		boolean closed = day.isBefore(today.minusDays(3)) && random.nextInt(this.laggard ? 3 : 20) != 0;
		if (closed) {
			boolean dismissed = random.nextInt(5) == 0;
			ComplaintOutcome outcome = ComplaintOutcome.values()[random.nextInt(ComplaintOutcome.values().length - 1)];
			json.append(",\"status\":\"")
				.append(dismissed ? "DISMISSED" : "HANDLED")
				.append("\",\"handled_at\":\"")
				.append(received.plusHours(1 + random.nextInt(70)))
				.append('"');
			if (!dismissed) {
				json.append(",\"outcome\":\"").append(outcome).append('"');
			}
		}
		else {
			json.append(",\"status\":\"RECEIVED\"");
		}
		return json.append(",\"summary\":\"用户举报的AI生成内容（演示数据）\"}").toString();
	}

	private String action(LocalDate day, int n, Random random) {
		EnforcementType[] platformTypes = { EnforcementType.CONTENT_REMOVED, EnforcementType.LABEL_ADDED,
				EnforcementType.ACCOUNT_RESTRICTED, EnforcementType.ACCOUNT_BANNED };
		EnforcementType type = platformTypes[random.nextInt(platformTypes.length)];
		ComplaintCategory category = ComplaintCategory.values()[random.nextInt(ComplaintCategory.values().length)];
		return "{\"type\":\"enforcement_action\",\"id\":\"a-" + day + "-" + n + "\",\"enterprise\":\"" + this.creditCode
				+ "\",\"date\":\"" + day + "\",\"actor\":\"PLATFORM\",\"action_type\":\"" + type + "\",\"category\":\""
				+ category + "\",\"count\":" + (1 + random.nextInt(this.large ? 200 : 5)) + "}";
	}

	/** One of the mistakes a real platform makes; the page itself stays valid JSON. */
	private static String corrupt(String record, Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> record.replaceFirst("\"content_type\":\"[A-Z_]+\"", "\"content_type\":\"PICTURE\"");
			case 1 -> record.replaceFirst("\"enterprise\":\"[^\"]+\"", "\"enterprise\":\"91110000000000000X\"");
			case 2 -> record.replaceFirst("\"id\":\"[^\"]+\",", "");
			default -> record.replaceFirst("\"type\":\"[a-z_]+\"", "\"type\":\"survey\"");
		};
	}

}
