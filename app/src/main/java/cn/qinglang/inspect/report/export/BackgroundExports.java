package cn.qinglang.inspect.report.export;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import net.sf.jasperreports.engine.JRException;
import tools.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.Resource;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.report.ReportDocument;
import cn.qinglang.inspect.report.ReportFormat;
import cn.qinglang.inspect.report.ReportProperties;
import cn.qinglang.inspect.report.ReportRecipe;
import cn.qinglang.inspect.report.ReportRecipes;
import cn.qinglang.inspect.report.ReportRenderer;
import cn.qinglang.inspect.report.Watermark;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.PortalNode;
import cn.qinglang.inspect.system.Times;

/**
 * Generates large reports on a bounded pool of workers into files that their owner
 * downloads later from "my exports". An export keeps its report's {@link ReportRecipe
 * recipe}: the worker builds the document from it, in the owner's scope, inside a
 * read-only transaction that stays open for the whole fill, so that its rows may stream
 * from the database; filling maps to 0–90 % of the progress (by the rows read against the
 * estimate), exporting to the rest. An export belongs to the node that queued it, which
 * beats its heartbeat ({@link ExportWatch}); when that node dies, another takes the
 * export over and builds it again from its recipe.
 */
@Service
public class BackgroundExports implements DisposableBean {

	static final String DOWNLOADED = "REPORT_DOWNLOADED";

	/** Takeovers after which an export is failed: it may be what kills its nodes. */
	static final int MAX_ATTEMPTS = 3;

	private static final Logger log = LoggerFactory.getLogger(BackgroundExports.class);

	/** How often a running export writes its progress at most. */
	private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

	private static final int FILL_SHARE = 90;

	/** The list shows the newest ones; older ones expire within the retention anyway. */
	private static final int LIST_LIMIT = 100;

	private final ExportRepository repository;

	private final ExportFiles files;

	private final ReportRenderer renderer;

	private final ReportRecipes recipes;

	private final UserDetailsService users;

	private final JsonMapper json;

	private final String node;

	private final ReportProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate readOnly;

	private final ThreadPoolExecutor workers;

	/** Exports this node has queued or runs: their heartbeat is beaten. */
	private final Set<Long> own = ConcurrentHashMap.newKeySet();

	BackgroundExports(ExportRepository repository, ExportFiles files, ReportRenderer renderer, ReportRecipes recipes,
			UserDetailsService users, JsonMapper json, PortalNode node, ReportProperties properties, AuditLog audit,
			PlatformTransactionManager transactions, Clock clock) {
		this.clock = clock;
		this.repository = repository;
		this.files = files;
		this.renderer = renderer;
		this.recipes = recipes;
		this.users = users;
		this.json = json;
		this.node = node.id();
		this.properties = properties;
		this.audit = audit;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		AtomicInteger threads = new AtomicInteger();
		this.workers = new ThreadPoolExecutor(properties.workers(), properties.workers(), 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(properties.queueCapacity()), (task) -> {
					Thread thread = new Thread(task, "report-export-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
	}

	/**
	 * Records a queued export for its owner, with its recipe, and hands it to a worker of
	 * this node.
	 * @return the export's id
	 * @throws ExportQueueFullException when every worker is busy and the queue is full
	 */
	public long submit(String owner, ReportFormat format, String title, long estimatedRows,
			ReportRecipe.Request report) {
		long id = this.repository.queue(owner, title, format, estimatedRows, this.json.writeValueAsString(report),
				this.node, Times.now(this.clock));
		try {
			dispatch(id);
		}
		catch (ExportQueueFullException ex) {
			this.repository.remove(id);
			throw ex;
		}
		return id;
	}

	private void dispatch(long id) {
		this.own.add(id);
		try {
			this.workers.execute(() -> run(id));
		}
		catch (RejectedExecutionException ex) {
			this.own.remove(id);
			throw new ExportQueueFullException(this.properties.queueCapacity());
		}
	}

	/** One of the owner's exports; another user's id is as absent as an unknown one. */
	public Optional<ReportExport> find(String owner, long id) {
		return this.repository.find(owner, id);
	}

	/** The owner's exports, newest first. */
	public List<ReportExport> list(String owner) {
		return this.repository.list(owner, LIST_LIMIT);
	}

	/**
	 * A finished export of the owner with its file, written to the audit log as
	 * downloaded (naming the exported document) before the caller sends it.
	 */
	public Optional<Download> download(String owner, long id) {
		Optional<Download> download = find(owner, id).filter(ReportExport::downloadable)
			.flatMap((export) -> this.files.file(export.sha256()).map((file) -> new Download(export, file)));
		download.ifPresent((found) -> {
			ReportExport export = found.export();
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("export", export.id());
			detail.put("template", export.template());
			detail.put("format", export.format().name());
			detail.put("sha256", export.sha256());
			this.audit.record(new AuditEvent(DOWNLOADED, export.targetType(), export.targetId(), null, detail));
		});
		return download;
	}

	/**
	 * A finished export and its file, of its size, read from the database as it is sent.
	 */
	public record Download(ReportExport export, Resource file) {
	}

	private void run(long id) {
		try (ExportFiles.Writing file = this.files.write()) {
			Optional<ExportRepository.Queued> queued = this.repository.start(id, this.node, Times.now(this.clock));
			if (queued.isEmpty()) {
				return;
			}
			this.readOnly.executeWithoutResult((status) -> produce(id, queued.get(), file));
			this.files.keep(id, this.node, file, Times.now(this.clock));
		}
		// a fill that ran out of memory has let go of its pages by now: tell the user
		catch (IOException | RuntimeException | OutOfMemoryError ex) {
			log.warn("Background export {} failed", id, ex);
			this.repository.failed(id, this.node, messageOf(ex), Times.now(this.clock));
		}
		finally {
			this.own.remove(id);
		}
	}

	private void produce(long id, ExportRepository.Queued queued, ExportFiles.Writing file) {
		PortalUser owner = owner(queued.owner());
		ReportRecipe.Request report = this.json.readValue(queued.recipe(), ReportRecipe.Request.class);
		ReportDocument document = this.recipes.document(owner, report)
			.orElseThrow(() -> new IllegalStateException(ReportExport.GONE));
		this.repository.describe(id, document.template(), document.targetType(), document.targetId(),
				document.fileName());
		CountingDataSource rows = new CountingDataSource(document.rows(),
				(done, exhausted) -> this.repository.progress(id, this.node, done,
						exhausted ? FILL_SHARE : fillPercent(done, queued.estimatedRows())),
				PROGRESS_INTERVAL_NANOS, System::nanoTime);
		// the watermark names the moment of the request, on whichever node fills it
		Watermark watermark = Watermark.of(owner, queued.createdAt(), this.clock.getZone());
		try {
			this.renderer.render(document.withRows(rows), queued.format(), watermark, file.out());
		}
		catch (JRException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/** The export's owner as an account now: one disabled since gets nothing. */
	private PortalUser owner(String username) {
		try {
			PortalUser user = (PortalUser) this.users.loadUserByUsername(username);
			if (user.isEnabled()) {
				return user;
			}
		}
		catch (UsernameNotFoundException ex) {
			// deleted meanwhile: as disabled
		}
		throw new IllegalStateException(ReportExport.GONE);
	}

	/** Below the fill's share until the rows run out: the estimate may be short. */
	static int fillPercent(long done, long estimated) {
		if (estimated <= 0) {
			return 0;
		}
		return (int) Math.min(FILL_SHARE - 1, done * FILL_SHARE / estimated);
	}

	private static String messageOf(Throwable ex) {
		String message = ex.getMessage();
		return (message != null && !message.isBlank()) ? message : ex.getClass().getSimpleName();
	}

	/**
	 * Beats the heartbeat of this node's exports, then takes over those whose node
	 * stopped beating theirs (a crash, a {@code kill -9}, a lost host; this node's former
	 * self too) and runs them again from their recipe. An export without a recipe (queued
	 * by a version without them) or taken over too often is failed as interrupted.
	 * @return the exports taken over and queued here
	 */
	public List<Long> watch() {
		this.repository.beat(this.node, Set.copyOf(this.own));
		List<Long> taken = new ArrayList<>();
		for (long id : this.repository.stale(this.properties.heartbeatTimeout())) {
			Optional<ExportRepository.Takeover> takeover = this.repository.takeOver(id, this.node,
					this.properties.heartbeatTimeout());
			if (takeover.isEmpty()) {
				continue;
			}
			if (!takeover.get().hasRecipe() || takeover.get().attempts() > MAX_ATTEMPTS) {
				log.info("Background export {} left unfinished by a node that stopped: failed as interrupted", id);
				this.repository.failed(id, this.node, ReportExport.INTERRUPTED, Times.now(this.clock));
				continue;
			}
			try {
				dispatch(id);
				taken.add(id);
				log.info("Background export {} taken over by node {}: built again from its recipe", id, this.node);
			}
			catch (ExportQueueFullException ex) {
				// not beaten here: taken over again, here or elsewhere, after the
				// time-out
				log.info("Background export {} left to a later look: the queue of node {} is full", id, this.node);
			}
		}
		return taken;
	}

	/**
	 * Deletes the files of exports finished before the retention and marks them expired;
	 * a file that another export (or an evidence file) has too is kept for that one.
	 */
	@Scheduled(fixedDelayString = "${qinglang.reports.cleanup-interval:PT1H}")
	@SchedulerLock(name = "export-cleanup", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	public void cleanup() {
		expireFinishedBefore(Times.now(this.clock).minus(this.properties.retention()));
	}

	/**
	 * @return how many exports expired
	 */
	public int expireFinishedBefore(Instant cutoff) {
		List<Long> ids = this.repository.finishedBefore(cutoff);
		for (long id : ids) {
			this.files.expire(id);
		}
		return ids.size();
	}

	@Override
	public void destroy() {
		this.workers.shutdownNow();
	}

}
