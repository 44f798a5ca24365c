package cn.qinglang.inspect.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.ConsumptionProbe;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.qinglang.batch.feed.FeedItem;
import cn.qinglang.batch.feed.Pushes;
import cn.qinglang.batch.feed.RawRecord;
import cn.qinglang.batch.records.RecordType;
import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.enterprise.Unscoped;
import cn.qinglang.inspect.feed.ApiTokens.ApiToken;
import cn.qinglang.inspect.system.RetryOnConflict;
import cn.qinglang.inspect.system.Times;

/**
 * A pushed request through the one pipeline ({@link Pushes}), in one transaction: stored
 * and answered record by record; in the sandbox (a sandbox token, or {@code dryRun})
 * answered the same and rolled back. A request repeated with the same
 * {@code Idempotency-Key} gets the first answer and changes nothing. Each token's
 * requests are held to a rate (Bucket4j); every request is in the audit log as a
 * submission.
 */
@RetryOnConflict
@Unscoped("a token's own earlier answers, by the id of the token that authenticated the request")
@Service
class PushService {

	private final Pushes pushes;

	private final TransactionTemplate transactions;

	/** The aggregation's: a consistent read of the records that locks none of them. */
	private final TransactionTemplate readCommitted;

	private final AuditLog audit;

	private final PushProperties properties;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final MessageSource messages;

	private final java.time.Clock clock;

	private final PushRates rates;

	PushService(Pushes pushes, PlatformTransactionManager transactions, AuditLog audit, PushProperties properties,
			JdbcClient jdbc, JsonMapper json, MessageSource messages, java.time.Clock clock, PushRates rates) {
		this.rates = rates;
		this.pushes = pushes;
		this.transactions = new TransactionTemplate(transactions);
		this.readCommitted = new TransactionTemplate(transactions);
		this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.audit = audit;
		this.properties = properties;
		this.jdbc = jdbc;
		this.json = json;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * @throws RateLimited past the token's rate
	 */
	PushAnswer push(ApiToken token, List<RawRecord> records, String bodyHash, boolean dryRun, String idempotencyKey,
			String remoteAddr, Locale locale) {
		takeRate(token);
		boolean sandbox = token.sandbox() || dryRun;
		String key = (idempotencyKey != null && !idempotencyKey.isBlank() && !sandbox) ? idempotencyKey.strip() : null;
		if (key != null) {
			Optional<PushAnswer> first = firstAnswer(token.id(), key, bodyHash);
			if (first.isPresent()) {
				return first.get();
			}
		}
		List<FeedItem> validated = this.pushes.validate(token.creditCode(), records);
		this.pushes.ensureFeed(token.enterpriseId());
		// outside the request's transaction (see Pushes#reserve); in the sandbox inside
		// it, so that a dry run leaves no run and takes no places
		long[] placed = sandbox ? null : placesOf(token, records.size());
		PushAnswer answer;
		try {
			answer = this.transactions.execute((status) -> {
				long run = (placed != null) ? placed[0]
						: this.pushes.runOf(token.enterpriseId(), token.id(), token.name(), token.createdBy());
				long base = (placed != null) ? placed[1] : this.pushes.peek(run);
				PushAnswer made = answer(run, sandbox,
						this.pushes.submit(token.enterpriseId(), run, base, records, validated), locale);
				if (sandbox) {
					status.setRollbackOnly();
				}
				else if (key != null) {
					this.jdbc.sql("""
							INSERT INTO push_request (token_id, idempotency_key, body_hash, answer, created_at)
							VALUES (:token, :key, :hash, :answer, :at)""")
						.param("token", token.id())
						.param("key", key.length() > 100 ? key.substring(0, 100) : key)
						.param("hash", bodyHash)
						.param("answer", this.json.writeValueAsString(made))
						.param("at", Times.toDb(Times.now(this.clock)))
						.update();
				}
				return made;
			});
		}
		catch (DuplicateKeyException ex) {
			// the same key sent twice at once: the other request's answer stands
			return firstAnswer(token.id(), key, bodyHash).orElseThrow(() -> ex);
		}
		if (!sandbox && answer.received() > answer.rejected()) {
			this.pushes.noteSuccess(token.enterpriseId());
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("token", token.prefix());
		detail.put("sandbox", sandbox);
		detail.put("received", answer.received());
		detail.put("created", answer.created());
		detail.put("updated", answer.updated());
		detail.put("unchanged", answer.unchanged());
		detail.put("rejected", answer.rejected());
		this.audit.recordAs("token " + token.prefix(), "PLATFORM", remoteAddr,
				AuditEvent.change(sandbox ? "RECORDS_PUSHED_SANDBOX" : "RECORDS_PUSHED", "feed_run",
						(answer.run() != null) ? answer.run() : "-", null, detail));
		return answer;
	}

	/**
	 * Withdraws a record of the token's enterprise (see {@link Pushes#withdraw}), under
	 * the same rate as its pushes, in the audit log as {@code RECORD_WITHDRAWN} (or
	 * {@code RECORD_NOT_WITHDRAWN}, an id the enterprise has no record of); in the
	 * sandbox answered the same and rolled back.
	 * @return whether the enterprise had the record
	 * @throws RateLimited past the token's rate
	 */
	boolean withdraw(ApiToken token, RecordType type, String platformId, boolean dryRun, String remoteAddr) {
		takeRate(token);
		boolean sandbox = token.sandbox() || dryRun;
		this.pushes.ensureFeed(token.enterpriseId());
		long[] run = new long[1];
		boolean withdrawn = Boolean.TRUE.equals(this.transactions.execute((status) -> {
			run[0] = this.pushes.runOf(token.enterpriseId(), token.id(), token.name(), token.createdBy());
			boolean found = this.pushes.withdraw(token.enterpriseId(), run[0], token.id(), type, platformId);
			if (sandbox) {
				status.setRollbackOnly();
			}
			return found;
		}));
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("token", token.prefix());
		detail.put("sandbox", sandbox);
		detail.put("type", type.wireName());
		detail.put("id", platformId);
		detail.put("found", withdrawn);
		this.audit.recordAs("token " + token.prefix(), "PLATFORM", remoteAddr,
				AuditEvent.change(
						(withdrawn ? "RECORD_WITHDRAWN" : "RECORD_NOT_WITHDRAWN") + (sandbox ? "_SANDBOX" : ""),
						"feed_run", sandbox ? "-" : String.valueOf(run[0]), null, detail));
		return withdrawn;
	}

	/**
	 * Forgets the answers to requests with an {@code Idempotency-Key} older than
	 * {@code qinglang.push.idempotency-retention} (7 days): a client retries within
	 * minutes, and the table grew with every request for ever.
	 * @return the answers forgotten
	 */
	int forgetOldAnswers() {
		return this.jdbc.sql("DELETE FROM push_request WHERE created_at < :before")
			.param("before", Times.toDb(Times.now(this.clock).minus(this.properties.idempotencyRetention())))
			.update();
	}

	/** {@link #forgetOldAnswers} hourly, on one node of the cluster. */
	@Scheduled(cron = "0 17 * * * *")
	@SchedulerLock(name = "push-idempotency-cleanup", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	void forgetOldAnswersHourly() {
		forgetOldAnswers();
	}

	/** {@link #aggregatePushes} every few seconds, on one node of the cluster. */
	@Scheduled(fixedDelayString = "${qinglang.push.aggregate-interval:PT10S}")
	@SchedulerLock(name = "push-aggregation", lockAtMostFor = "PT30M")
	void aggregatePushesOften() {
		aggregatePushes();
	}

	/**
	 * The token's run of the day and the places reserved in it: {run, last place before}.
	 */
	private long[] placesOf(ApiToken token, int records) {
		long run = this.pushes.runOf(token.enterpriseId(), token.id(), token.name(), token.createdBy());
		return new long[] { run, this.pushes.reserve(run, records) };
	}

	private void takeRate(ApiToken token) {
		ConsumptionProbe probe = this.rates.takeRequest(token.id());
		if (!probe.isConsumed()) {
			throw new RateLimited(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
		}
	}

	/**
	 * Brings the dashboards' aggregates up to date for what was pushed since the last
	 * time, run by run, each in its own transaction.
	 * @return the runs refreshed
	 */
	int aggregatePushes() {
		List<long[]> pending = this.pushes.pendingAggregation();
		for (long[] run : pending) {
			this.readCommitted.executeWithoutResult((status) -> this.pushes.refresh(run[0], run[1]));
		}
		return pending.size();
	}

	/**
	 * The first answer to a request of this token and key.
	 * @throws KeyReused when that request had another body
	 */
	private Optional<PushAnswer> firstAnswer(long tokenId, String key, String bodyHash) {
		return this.jdbc
			.sql("SELECT body_hash, answer FROM push_request WHERE token_id = :token AND idempotency_key = :key")
			.param("token", tokenId)
			.param("key", key.length() > 100 ? key.substring(0, 100) : key)
			.query((rs, row) -> {
				String stored = rs.getString("body_hash");
				if (stored != null && !stored.equals(bodyHash)) {
					throw new KeyReused();
				}
				return this.json.readValue(rs.getString("answer"), PushAnswer.class);
			})
			.optional();
	}

	private PushAnswer answer(long run, boolean sandbox, List<Pushes.Result> results, Locale locale) {
		List<PushAnswer.Item> items = new ArrayList<>(results.size());
		int[] counts = new int[4];
		for (Pushes.Result result : results) {
			String message = null;
			switch (result.status()) {
				case "CREATED" -> counts[0]++;
				case "UPDATED" -> counts[1]++;
				case "UNCHANGED" -> counts[2]++;
				default -> {
					counts[3]++;
					message = this.messages.getMessage("feed.reason." + result.reason().name(), null,
							result.reason().name(), locale) + ": " + result.detail();
				}
			}
			items.add(new PushAnswer.Item(result.position(), result.id(),
					(result.type() != null) ? result.type().wireName() : null, result.status(), result.field(),
					(result.reason() != null) ? result.reason().name() : null, message));
		}
		return new PushAnswer(sandbox, sandbox ? null : run, results.size(), counts[0], counts[1], counts[2], counts[3],
				items);
	}

	/** An Idempotency-Key sent again with another body. */
	static class KeyReused extends RuntimeException {

		KeyReused() {
			super("the Idempotency-Key was sent before with another body");
		}

	}

	/** Past the token's rate: try again after the seconds. */
	static class RateLimited extends RuntimeException {

		private final long retryAfterSeconds;

		RateLimited(long retryAfterSeconds) {
			super("rate limit");
			this.retryAfterSeconds = retryAfterSeconds;
		}

		long retryAfterSeconds() {
			return this.retryAfterSeconds;
		}

	}

}
