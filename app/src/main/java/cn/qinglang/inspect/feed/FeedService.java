package cn.qinglang.inspect.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import cn.qinglang.batch.feed.FeedBusyException;
import cn.qinglang.batch.feed.FeedRuns;
import cn.qinglang.batch.feed.TokenCipher;
import cn.qinglang.batch.feed.UploadFiles;
import cn.qinglang.batch.records.RecordType;
import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.files.Blobs;
import cn.qinglang.inspect.files.StoredBlob;
import cn.qinglang.inspect.system.FieldProblem;
import cn.qinglang.inspect.system.RetryOnConflict;
import cn.qinglang.inspect.system.Upload;

/**
 * Changes to feeds and the starting of runs. Runs go to the feed runs' own threads; the
 * feed's database lock, taken before, keeps a feed from running twice at once across
 * nodes, and a run whose node died is taken over by the batch library's watch.
 */
@RetryOnConflict
@Service
class FeedService {

	private static final Logger log = LoggerFactory.getLogger(FeedService.class);

	/** The container's multipart limit bounds an upload's size. */
	private static final DataSize UNLIMITED = DataSize.ofBytes(Long.MAX_VALUE);

	private final Feeds feeds;

	private final FeedRuns feedRuns;

	private final TokenCipher cipher;

	private final AuditLog auditLog;

	private final FeedProperties properties;

	private final java.time.Clock clock;

	private final Blobs blobs;

	private final TransactionTemplate transactions;

	FeedService(Feeds feeds, FeedRuns feedRuns, TokenCipher cipher, AuditLog auditLog, FeedProperties properties,
			java.time.Clock clock, Blobs blobs, PlatformTransactionManager transactions) {
		this.clock = clock;
		this.blobs = blobs;
		this.transactions = new TransactionTemplate(transactions);
		this.feeds = feeds;
		this.feedRuns = feedRuns;
		this.cipher = cipher;
		this.auditLog = auditLog;
		this.properties = properties;
	}

	/** Problems of a form already valid on its own. */
	List<FieldProblem> check(FeedForm form, boolean hasToken) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form.scheduleCron() != null && !CronExpression.isValidExpression(form.scheduleCron())) {
			problems.add(new FieldProblem("scheduleCron", "feed.scheduleCron.invalid"));
		}
		if (form.enabled() && form.baseUrl() == null) {
			problems.add(new FieldProblem("baseUrl", "feed.baseUrl.required"));
		}
		if (form.enabled() && form.token() == null && !hasToken) {
			problems.add(new FieldProblem("token", "feed.token.required"));
		}
		if (form.token() != null && !this.cipher.configured()) {
			problems.add(new FieldProblem("token", "feed.token.noKey"));
		}
		return problems;
	}

	/**
	 * Saves the feed's configuration. A new endpoint starts from the beginning: the old
	 * endpoint's cursor means nothing to it.
	 * @throws FeedBusyException if the endpoint changes while the feed runs
	 */
	@Transactional
	void configure(long enterpriseId, FeedForm form) {
		Optional<FeedConfig> old = this.feeds.ofEnterprise(enterpriseId);
		Map<String, Object> before = old.map(FeedService::auditState).orElse(null);
		if (old.isPresent() && !Objects.equals(old.get().baseUrl(), form.baseUrl())) {
			resetCursor(enterpriseId, null, "endpoint changed");
		}
		String ciphertext = (form.token() != null) ? this.cipher.encrypt(form.token()) : null;
		this.feeds.saveConfig(enterpriseId, form, ciphertext);
		Map<String, Object> after = auditState(this.feeds.ofEnterprise(enterpriseId).orElseThrow());
		after.put("tokenChanged", form.token() != null);
		this.auditLog.record(AuditEvent.change("FEED_CONFIGURED", "enterprise", enterpriseId, before, after));
	}

	@Transactional
	void setEnabled(long enterpriseId, boolean enabled) {
		this.feeds.setEnabled(enterpriseId, enabled);
		this.auditLog.record(AuditEvent.change(enabled ? "FEED_ENABLED" : "FEED_DISABLED", "enterprise", enterpriseId,
				Map.of("enabled", !enabled), Map.of("enabled", enabled)));
	}

	/**
	 * Starts a pull run now, in the background.
	 * @return the run's id
	 * @throws FeedBusyException if the feed is running
	 */
	long runNow(long enterpriseId, String username) {
		long runId = this.feedRuns.claimPull(enterpriseId, username);
		this.auditLog.record(AuditEvent.of("FEED_RUN_STARTED", "feed_run", runId));
		this.feedRuns.submitPull(runId);
		return runId;
	}

	/**
	 * Restarts a failed or interrupted run where it stopped, in the background: the
	 * records it committed stay, the rest follow, none twice.
	 * @return false when the run is not a restartable run of that enterprise's feed
	 */
	boolean restart(long enterpriseId, long runId) {
		boolean restartable = this.feeds.run(enterpriseId, runId).map(FeedRun::restartable).orElse(false);
		if (restartable) {
			this.auditLog.record(AuditEvent.of("FEED_RUN_RESTARTED", "feed_run", runId));
			this.feedRuns.submitRestart(runId);
		}
		return restartable;
	}

	/**
	 * Sets the feed to pull from the start, or from a day on, at its next run.
	 * @param since the first day (null: from the start)
	 * @throws FeedBusyException if the feed is running
	 */
	@Transactional
	void resetCursor(long enterpriseId, LocalDate since, String reason) {
		FeedConfig feed = this.feeds.ofEnterprise(enterpriseId).orElseThrow();
		this.feedRuns.resetCursor(enterpriseId, since);
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("cursor", feed.cursor());
		before.put("since", (feed.cursorSince() != null) ? feed.cursorSince().toString() : null);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("cursor", null);
		after.put("since", (since != null) ? since.toString() : null);
		after.put("reason", reason);
		this.auditLog.record(AuditEvent.change("FEED_CURSOR_RESET", "enterprise", enterpriseId, before, after));
	}

	/**
	 * Keeps an uploaded file in the database, where the run reads it on any node, and
	 * starts its run in the background. The file and its run's claim commit together: a
	 * busy feed keeps neither. The upload is opened again if the claim lost to another
	 * node's transaction and runs again ({@link RetryOnConflict}).
	 * @param csvType the record type of a CSV file
	 * @return the run's id
	 * @throws UnreadableUpload for a file in UTF-16, UTF-32 or binary (nothing kept)
	 * @throws FeedBusyException if the feed is running (nothing kept)
	 */
	long upload(long enterpriseId, Upload upload, RecordType csvType, String username) throws IOException {
		String fileName = clip(upload.name());
		long runId;
		try (InputStream content = upload.open(); Blobs.Incoming file = this.blobs.receive(content, UNLIMITED)) {
			if (UploadFiles.unreadableEncoding(file.file())) {
				throw new UnreadableUpload();
			}
			long expected = UploadFiles.countRecords(file.file());
			runId = this.transactions.execute((status) -> this.feedRuns.claimUpload(enterpriseId, fileName, username,
					expected, store(file).sha256()));
		}
		this.auditLog.record(AuditEvent.change("FEED_FILE_UPLOADED", "feed_run", runId, null,
				Map.of("file", String.valueOf(fileName))));
		this.feedRuns.submitUpload(runId, csvType);
		return runId;
	}

	/**
	 * Deletes the files that upload runs no longer need: those of completed runs, and of
	 * failed or interrupted runs not restarted within
	 * {@code qinglang.feeds.upload-retention} (which are then no longer restartable).
	 */
	@Scheduled(fixedDelayString = "${qinglang.feeds.upload-cleanup-interval:PT1H}")
	@SchedulerLock(name = "feed-upload-cleanup", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	void releaseUploads() {
		int released = this.feedRuns.releaseUploads(this.properties.uploadRetention());
		if (released > 0) {
			log.info("The files of {} upload runs deleted: completed, or not restarted within {}", released,
					this.properties.uploadRetention());
		}
	}

	/**
	 * Pulls every enabled feed whose own schedule (or the nightly default) is due now.
	 */
	@Scheduled(cron = "0 * * * * *", zone = "${qinglang.portal.display-zone}")
	// held 30 s: the node whose clock is behind must not start the minute's runs again
	@SchedulerLock(name = "feed-schedule", lockAtMostFor = "PT5M", lockAtLeastFor = "PT30S")
	void runDueFeeds() {
		java.time.ZonedDateTime now = java.time.ZonedDateTime.now(this.clock).withSecond(0).withNano(0);
		for (FeedConfig feed : this.feeds.enabledPullFeeds()) {
			String cron = (feed.scheduleCron() != null) ? feed.scheduleCron() : this.properties.nightlyCron();
			CronExpression expression = CronExpression.parse(cron);
			java.time.ZonedDateTime next = expression.next(now.minusSeconds(1));
			if (next != null && next.isBefore(now.plusMinutes(1))) {
				try {
					this.feedRuns.submitPull(this.feedRuns.claimPull(feed.enterpriseId(), "schedule"));
				}
				catch (FeedBusyException ex) {
					log.info("Feed of enterprise {} still running; scheduled run skipped", feed.enterpriseId());
				}
			}
		}
	}

	private static StoredBlob store(Blobs.Incoming file) {
		try {
			return file.store();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String clip(String name) {
		if (name == null) {
			return null;
		}
		String base = Path.of(name).getFileName().toString();
		return (base.length() > 255) ? base.substring(0, 255) : base;
	}

	private static Map<String, Object> auditState(FeedConfig feed) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("baseUrl", feed.baseUrl());
		state.put("scheduleCron", feed.scheduleCron());
		state.put("enabled", feed.enabled());
		state.put("hasToken", feed.hasToken());
		return state;
	}

	/** A file in an encoding the upload does not read (UTF-16, UTF-32, binary). */
	static class UnreadableUpload extends RuntimeException {

		UnreadableUpload() {
			super("the file is UTF-16, UTF-32 or binary");
		}

	}

}
