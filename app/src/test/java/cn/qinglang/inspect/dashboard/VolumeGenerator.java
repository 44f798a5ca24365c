package cn.qinglang.inspect.dashboard;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.batch.records.PlatformInterface.ComplaintCategory;
import cn.qinglang.batch.records.PlatformInterface.ComplaintChannel;
import cn.qinglang.batch.records.PlatformInterface.ComplaintOutcome;
import cn.qinglang.batch.records.PlatformInterface.ContentType;
import cn.qinglang.batch.records.PlatformInterface.EnforcementType;

/**
 * A national-scale data set for the dashboards' benchmark: every enterprise's daily
 * labeling metrics by content type, complaints and enforcement actions, deterministic
 * from a seed. Sizes follow a power law over a seeded ranking (a few large platforms,
 * many small ones); compliance improves over the 90 days after the campaign's start,
 * except for a handful of laggards. Rows are written as they are generated into
 * {@code LOAD DATA LOCAL INFILE} through a pipe, so nothing is held in memory; records go
 * in enterprise and day order, so every index grows at its end.
 */
final class VolumeGenerator {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private static final int LAGGARDS = 6;

	/** National AI items published per day at the start of the period. */
	private static final double PUBLISHED_PER_DAY = 3_000_000;

	private static final ContentType[] TYPES = ContentType.values();

	private static final double[] TYPE_WEIGHTS = { 35, 30, 10, 20, 5 };

	private static final ComplaintCategory[] CATEGORIES = ComplaintCategory.values();

	private static final double[] CATEGORY_WEIGHTS = { 22, 14, 8, 5, 6, 9, 3, 7, 4, 2, 9, 6, 5 };

	private static final ComplaintChannel[] CHANNELS = ComplaintChannel.values();

	private static final double[] CHANNEL_WEIGHTS = { 60, 15, 8, 5, 12 };

	private static final ComplaintOutcome[] OUTCOMES = { ComplaintOutcome.CONTENT_REMOVED, ComplaintOutcome.LABEL_ADDED,
			ComplaintOutcome.ACCOUNT_RESTRICTED, ComplaintOutcome.ACCOUNT_BANNED, ComplaintOutcome.OTHER };

	private static final double[] OUTCOME_WEIGHTS = { 45, 30, 10, 5, 10 };

	private static final EnforcementType[] PLATFORM_ACTIONS = { EnforcementType.CONTENT_REMOVED,
			EnforcementType.LABEL_ADDED, EnforcementType.ACCOUNT_RESTRICTED, EnforcementType.ACCOUNT_BANNED };

	private static final double[] PLATFORM_ACTION_WEIGHTS = { 45, 30, 17, 8 };

	private static final EnforcementType[] REGULATOR_ACTIONS = { EnforcementType.INTERVIEW,
			EnforcementType.ORDER_TO_RECTIFY, EnforcementType.WARNING, EnforcementType.FINE,
			EnforcementType.APP_REMOVAL };

	private static final double[] REGULATOR_ACTION_WEIGHTS = { 30, 25, 30, 12, 3 };

	private static final String[] SUMMARIES = { "未标识的AI生成内容", "AI生成的虚假信息", "未经授权使用他人面部", "AI模仿他人声音", "侵犯作品著作权",
			"批量生成低质内容", "未经许可提供生成服务", "冒充他人身份", "删除或篡改AI标识", "未备案的虚拟人", "AI合成的谣言", "有害内容", "其他问题" };

	private final Settings settings;

	private final LocalDate campaignStart;

	private final List<Company> companies;

	private final long days;

	VolumeGenerator(Settings settings, LocalDate campaignStart, List<Company> enterprises) {
		this.settings = settings;
		this.campaignStart = campaignStart;
		this.days = ChronoUnit.DAYS.between(settings.from(), settings.to()) + 1;
		this.companies = weigh(enterprises, settings.seed());
	}

	/** What to generate. */
	record Settings(long complaints, long actions, LocalDate from, LocalDate to, long seed) {
	}

	/** An enterprise as the generator sees it. */
	record Company(long id, String kind, double weight, boolean laggard, double quality) {
	}

	/** Rows written per table. */
	record Written(long metrics, long complaints, long actions) {
	}

	/**
	 * The enterprises of the database, by id, with the kind that decides content types.
	 */
	static List<Company> enterprises(JdbcClient jdbc) {
		return jdbc.sql("SELECT id, kind FROM enterprise ORDER BY id")
			.query((rs, row) -> new Company(rs.getLong(1), rs.getString(2), 0, false, 0))
			.list();
	}

	/**
	 * Replaces the raw records of the three record types with generated ones.
	 * @param database the database's URL and account (the embedded one's included)
	 */
	Written load(JdbcConnectionDetails database) throws SQLException {
		String url = database.getJdbcUrl();
		try (Connection connection = DriverManager.getConnection(
				url + (url.contains("?") ? "&" : "?") + "allowLocalInfile=true&useBulkStmts=false",
				database.getUsername(), database.getPassword()); Statement statement = connection.createStatement()) {
			statement.execute("SET foreign_key_checks = 0, unique_checks = 0, time_zone = '+00:00'");
			for (String table : List.of("labeling_metric", "complaint", "enforcement_action")) {
				statement.execute("TRUNCATE TABLE " + table);
			}
			long metrics = load(statement, "labeling_metric",
					"(enterprise_id, platform_id, day, content_type, published, explicit_labeled, "
							+ "implicit_labeled, user_declared, platform_detected, verified, appeals_filed, "
							+ "appeals_upheld, tampering_detected, last_run_id)",
					this::writeMetrics);
			long complaints = load(statement, "complaint",
					"(enterprise_id, platform_id, received_at, received_day, category, campaign_category, "
							+ "content_type, channel, status, handled_at, outcome, summary, last_run_id)",
					this::writeComplaints);
			long actions = load(statement, "enforcement_action",
					"(enterprise_id, platform_id, day, actor, action_type, category, "
							+ "campaign_category, item_count, amount, note, last_run_id)",
					this::writeActions);
			statement.execute("SET foreign_key_checks = 1, unique_checks = 1");
			return new Written(metrics, complaints, actions);
		}
	}

	/** Streams what {@code rows} writes into the table, from another thread. */
	private static long load(Statement statement, String table, String columns, RowWriter rows) throws SQLException {
		PipedInputStream in = new PipedInputStream(1 << 20);
		AtomicReference<Exception> failure = new AtomicReference<>();
		Thread producer;
		try {
			PipedOutputStream pipe = new PipedOutputStream(in);
			producer = new Thread(() -> {
				try (Writer out = new BufferedWriter(new OutputStreamWriter(pipe, StandardCharsets.UTF_8), 1 << 16)) {
					rows.write(out);
				}
				catch (IOException | RuntimeException ex) {
					failure.set(ex);
				}
			}, "generator");
			producer.setDaemon(true);
			producer.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(in);
		long count;
		try {
			count = statement.executeLargeUpdate(
					"LOAD DATA LOCAL INFILE 'generated' INTO TABLE " + table + " CHARACTER SET utf8mb4 " + columns);
		}
		finally {
			closeQuietly(in);
		}
		try {
			producer.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("generating rows for " + table + " failed", failure.get());
		}
		return count;
	}

	private static void closeQuietly(PipedInputStream in) {
		try {
			in.close();
		}
		catch (IOException ex) {
			// the producer sees the closed pipe and stops
		}
	}

	@FunctionalInterface
	private interface RowWriter {

		void write(Writer out) throws IOException;

	}

	private void writeMetrics(Writer out) throws IOException {
		double[] growth = curve(false);
		for (Company company : this.companies) {
			SplittableRandom random = random(company, 1);
			List<ContentType> types = contentTypes(company, random);
			double typeTotal = types.stream().mapToDouble((type) -> TYPE_WEIGHTS[type.ordinal()]).sum();
			double explicitBefore = 0.5 + 0.25 * company.quality();
			double implicitBefore = 0.35 + 0.25 * company.quality();
			double explicitAfter = company.laggard() ? 0.55 + 0.1 * company.quality() : 0.92 + 0.06 * company.quality();
			double implicitAfter = company.laggard() ? 0.4 + 0.1 * company.quality() : 0.85 + 0.1 * company.quality();
			for (int d = 0; d < this.days; d++) {
				LocalDate day = this.settings.from().plusDays(d);
				double c = compliance(day);
				for (ContentType type : types) {
					double mean = PUBLISHED_PER_DAY * company.weight() * growth[d] * this.days
							* TYPE_WEIGHTS[type.ordinal()] / typeTotal;
					long published = Math.round(mean * (0.85 + 0.3 * random.nextDouble()));
					long explicit = share(published, lerp(explicitBefore, explicitAfter, c), random);
					long implicit = share(published, lerp(implicitBefore, implicitAfter, c), random);
					long verified = share(published, lerp(0.3, company.laggard() ? 0.4 : 0.8, c), random);
					long declared = share(published, lerp(0.45, 0.65, c), random);
					long detected = Math.min(published - declared,
							share(published, 0.15 + 0.1 * company.quality(), random));
					long appeals = share(published, 0.0005, random);
					long upheld = share(appeals, 0.3, random);
					long tampering = share(published, 0.0002 * (1 - 0.6 * c) * (company.laggard() ? 3 : 1), random);
					out.write(company.id() + "\tm-" + day + "-" + type + "\t" + day + "\t" + type + "\t" + published
							+ "\t" + explicit + "\t" + implicit + "\t" + declared + "\t" + detected + "\t" + verified
							+ "\t" + appeals + "\t" + upheld + "\t" + tampering + "\t0\n");
				}
			}
		}
	}

	private void writeComplaints(Writer out) throws IOException {
		double[] cumulative = cumulative(curve(true));
		long[] perCompany = apportion(this.settings.complaints(), this.companies);
		LocalDateTime now = this.settings.to().plusDays(1).atStartOfDay();
		StringBuilder row = new StringBuilder(256);
		for (int i = 0; i < this.companies.size(); i++) {
			Company company = this.companies.get(i);
			SplittableRandom random = random(company, 2);
			List<ContentType> types = contentTypes(company, random(company, 1));
			double[] typeWeights = types.stream().mapToDouble((type) -> TYPE_WEIGHTS[type.ordinal()]).toArray();
			long sequence = 0;
			for (int d = 0; d < this.days; d++) {
				long count = Math.round(perCompany[i] * cumulative[d + 1]) - Math.round(perCompany[i] * cumulative[d]);
				LocalDate day = this.settings.from().plusDays(d);
				double c = compliance(day);
				double medianHours = company.laggard() ? 70 : lerp(30, 8, c) * (1.5 - company.quality());
				double neverHandled = company.laggard() ? 0.15 : lerp(0.08, 0.02, c);
				for (long k = 0; k < count; k++) {
					LocalDateTime received = day.atStartOfDay().plusSeconds(random.nextInt(86_400));
					ComplaintCategory category = CATEGORIES[pick(CATEGORY_WEIGHTS, random)];
					ContentType type = types.get(pick(typeWeights, random));
					double hours = medianHours * Math.exp(1.1 * random.nextGaussian());
					LocalDateTime handled = received.plusSeconds((long) (hours * 3600));
					row.setLength(0);
					row.append(company.id())
						.append("\tc")
						.append(padded(sequence++, 9))
						.append('\t')
						.append(TIME.format(received.minusHours(8)))
						.append('\t')
						.append(day)
						.append('\t')
						.append(category)
						.append('\t')
						.append((category.campaignCategory() != null) ? category.campaignCategory().name() : "\\N")
						.append('\t')
						.append(type)
						.append('\t')
						.append(CHANNELS[pick(CHANNEL_WEIGHTS, random)])
						.append('\t');
					if (random.nextDouble() < neverHandled || handled.isAfter(now)) {
						row.append(random.nextBoolean() ? "RECEIVED" : "IN_PROGRESS").append("\t\\N\t\\N");
					}
					else {
						boolean dismissed = random.nextDouble() < 0.12;
						row.append(dismissed ? "DISMISSED" : "HANDLED")
							.append('\t')
							.append(TIME.format(handled.minusHours(8)))
							.append('\t')
							.append(dismissed ? ComplaintOutcome.NO_VIOLATION
									: OUTCOMES[pick(OUTCOME_WEIGHTS, random)]);
					}
					row.append('\t').append(SUMMARIES[category.ordinal()]).append("\t0\n");
					out.append(row);
				}
			}
		}
	}

	private void writeActions(Writer out) throws IOException {
		double[] cumulative = cumulative(curve(true));
		long[] perCompany = apportion(this.settings.actions(), this.companies);
		for (int i = 0; i < this.companies.size(); i++) {
			Company company = this.companies.get(i);
			SplittableRandom random = random(company, 3);
			long sequence = 0;
			for (int d = 0; d < this.days; d++) {
				long count = Math.round(perCompany[i] * cumulative[d + 1]) - Math.round(perCompany[i] * cumulative[d]);
				LocalDate day = this.settings.from().plusDays(d);
				double regulatorShare = (company.laggard() ? 0.3 : 0.06) * (day.isBefore(this.campaignStart) ? 1 : 2);
				for (long k = 0; k < count; k++) {
					boolean byRegulator = random.nextDouble() < regulatorShare;
					EnforcementType type = byRegulator ? REGULATOR_ACTIONS[pick(REGULATOR_ACTION_WEIGHTS, random)]
							: PLATFORM_ACTIONS[pick(PLATFORM_ACTION_WEIGHTS, random)];
					ComplaintCategory category = CATEGORIES[pick(CATEGORY_WEIGHTS, random)];
					long items = byRegulator ? 1 : 1 + (long) Math.exp(5 * random.nextDouble());
					String amount = (type == EnforcementType.FINE)
							? String.format(Locale.ROOT, "%d.00", 10_000 + 100L * random.nextInt(9_900)) : "\\N";
					out.write(company.id() + "\ta" + padded(sequence++, 8) + "\t" + day + "\t" + type.actor() + "\t"
							+ type + "\t" + category + "\t"
							+ ((category.campaignCategory() != null) ? category.campaignCategory().name() : "\\N")
							+ "\t" + items + "\t" + amount + "\t\\N\t0\n");
				}
			}
		}
	}

	/**
	 * How far the campaign has taken compliance on a day: 0 before its start, 1 from 90
	 * days after.
	 */
	private double compliance(LocalDate day) {
		long since = ChronoUnit.DAYS.between(this.campaignStart, day);
		return Math.max(0, Math.min(1, since / 90.0));
	}

	/**
	 * Relative volume by day, summing to 1: growing over the period, more at weekends,
	 * and (for complaints and actions) a surge in the campaign's first two months.
	 */
	private double[] curve(boolean campaignSurge) {
		double[] weights = new double[(int) this.days];
		double total = 0;
		for (int d = 0; d < this.days; d++) {
			LocalDate day = this.settings.from().plusDays(d);
			double weight = (0.6 + 0.8 * d / this.days) * ((day.getDayOfWeek().getValue() >= 6) ? 1.15 : 1);
			long since = ChronoUnit.DAYS.between(this.campaignStart, day);
			if (campaignSurge && since >= 0 && since < 60) {
				weight *= 1.4;
			}
			weights[d] = weight;
			total += weight;
		}
		for (int d = 0; d < this.days; d++) {
			weights[d] /= total;
		}
		return weights;
	}

	private static double[] cumulative(double[] weights) {
		double[] cumulative = new double[weights.length + 1];
		for (int i = 0; i < weights.length; i++) {
			cumulative[i + 1] = cumulative[i] + weights[i];
		}
		cumulative[weights.length] = 1;
		return cumulative;
	}

	/** The total split by the companies' weights, exactly. */
	private static long[] apportion(long total, List<Company> companies) {
		long[] shares = new long[companies.size()];
		double cumulative = 0;
		for (int i = 0; i < shares.length; i++) {
			long before = Math.round(total * cumulative);
			cumulative += companies.get(i).weight();
			shares[i] = ((i == shares.length - 1) ? total : Math.round(total * cumulative)) - before;
		}
		return shares;
	}

	/**
	 * Weights by a seeded ranking, following a power law; laggards among the smaller
	 * half; a quality between 0 and 1 that shifts each one's rates.
	 */
	private static List<Company> weigh(List<Company> enterprises, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int n = enterprises.size();
		int[] rank = new int[n];
		for (int i = 0; i < n; i++) {
			rank[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = rank[i];
			rank[i] = rank[j];
			rank[j] = swap;
		}
		double total = 0;
		for (int i = 0; i < n; i++) {
			total += Math.pow(rank[i] + 1, -1.2);
		}
		List<Company> weighed = new ArrayList<>(n);
		int laggards = 0;
		for (int i = 0; i < n; i++) {
			boolean laggard = rank[i] >= 3 && rank[i] % 17 == 5 && laggards++ < LAGGARDS;
			Company enterprise = enterprises.get(i);
			weighed.add(new Company(enterprise.id(), enterprise.kind(), Math.pow(rank[i] + 1, -1.2) / total, laggard,
					random.nextDouble()));
		}
		return weighed;
	}

	/**
	 * The content types an enterprise reports: generation providers mostly text and
	 * images, platforms video too, some of them audio and virtual scenes.
	 */
	private static List<ContentType> contentTypes(Company company, SplittableRandom random) {
		List<ContentType> types = new ArrayList<>(List.of(ContentType.TEXT, ContentType.IMAGE));
		boolean platform = !company.kind().equals("GENERATION_PROVIDER");
		if (platform || random.nextDouble() < 0.5) {
			types.add(ContentType.VIDEO);
		}
		if (random.nextDouble() < 0.6) {
			types.add(ContentType.AUDIO);
		}
		if (company.kind().equals("BOTH") || random.nextDouble() < 0.2) {
			types.add(ContentType.VIRTUAL_SCENE);
		}
		return types.stream().sorted().toList();
	}

	private SplittableRandom random(Company company, int stream) {
		return new SplittableRandom(this.settings.seed() * 1_000_003L + company.id() * 31 + stream);
	}

	private static long share(long whole, double rate, SplittableRandom random) {
		double noisy = Math.max(0, Math.min(1, rate + 0.02 * (random.nextDouble() - 0.5)));
		return Math.min(whole, Math.round(whole * noisy));
	}

	/** Zero-padded, so that ids sort as they were generated. */
	private static String padded(long number, int width) {
		String digits = Long.toString(number);
		return "0".repeat(Math.max(0, width - digits.length())) + digits;
	}

	private static double lerp(double from, double to, double t) {
		return from + (to - from) * t;
	}

	private static int pick(double[] weights, SplittableRandom random) {
		double total = 0;
		for (double weight : weights) {
			total += weight;
		}
		double r = random.nextDouble() * total;
		for (int i = 0; i < weights.length - 1; i++) {
			r -= weights[i];
			if (r < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

}
