package cn.qinglang.inspect.report.export;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
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
import java.util.function.Supplier;

import net.sf.jasperreports.engine.JRException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.report.ReportDocument;
import cn.qinglang.inspect.report.ReportFormat;
import cn.qinglang.inspect.report.ReportProperties;
import cn.qinglang.inspect.report.ReportRenderer;
import cn.qinglang.inspect.report.Watermark;
import cn.qinglang.inspect.system.Times;

/**
 * Generates large reports on a bounded pool of workers into files that their owner
 * downloads later from "my exports". The document is built on the worker, inside a
 * read-only transaction that stays open for the whole fill, so that its rows may stream
 * from the database; filling maps to 0–90 % of the progress (by the rows read against the
 * estimate), exporting to the rest.
 */
@Service
public class BackgroundExports implements DisposableBean {

	static final String DOWNLOADED = "REPORT_DOWNLOADED";

	private static final Logger log = LoggerFactory.getLogger(BackgroundExports.class);

	/** How often a running export writes its progress at most. */
	private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

	private static final int FILL_SHARE = 90;

	/** The list shows the newest ones; older ones expire within the retention anyway. */
	private static final int LIST_LIMIT = 100;

	private final ExportRepository repository;

	private final ExportFiles files;

	private final ReportRenderer renderer;

	private final ReportProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate readOnly;

	private final ThreadPoolExecutor workers;

	/** Exports this process has queued and not finished: a startup must not fail them. */
	private final Set<Long> own = ConcurrentHashMap.newKeySet();

	BackgroundExports(ExportRepository repository, ExportFiles files, ReportRenderer renderer,
			ReportProperties properties, AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
		this.clock = clock;
		this.repository = repository;
		this.files = files;
		this.renderer = renderer;
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
	 * Records a queued export for its owner and hands it to a worker, which calls
	 * {@code document} on its own thread.
	 * @return the export's id
	 * @throws ExportQueueFullException when every worker is busy and the queue is full
	 */
	public long submit(String owner, ReportFormat format, String title, long estimatedRows, Watermark watermark,
			Supplier<ReportDocument> document) {
		long id = this.repository.queue(owner, title, format, estimatedRows, Times.now(this.clock));
		this.own.add(id);
		try {
			this.workers.execute(() -> run(id, format, estimatedRows, watermark, document));
		}
		catch (RejectedExecutionException ex) {
			this.own.remove(id);
			this.repository.remove(id);
			throw new ExportQueueFullException(this.properties.queueCapacity());
		}
		return id;
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

	private void run(long id, ReportFormat format, long estimatedRows, Watermark watermark,
			Supplier<ReportDocument> supplier) {
		try (ExportFiles.Writing file = this.files.write()) {
			if (!this.repository.start(id, Times.now(this.clock))) {
				return;
			}
			this.readOnly
				.executeWithoutResult((status) -> produce(id, format, estimatedRows, watermark, supplier, file));
			this.files.keep(id, file, Times.now(this.clock));
		}
		// a fill that ran out of memory has let go of its pages by now: tell the user
		catch (IOException | RuntimeException | OutOfMemoryError ex) {
			log.warn("Background export {} failed", id, ex);
			this.repository.failed(id, messageOf(ex), Times.now(this.clock));
		}
		finally {
			this.own.remove(id);
		}
	}

	private void produce(long id, ReportFormat format, long estimatedRows, Watermark watermark,
			Supplier<ReportDocument> supplier, ExportFiles.Writing file) {
		ReportDocument document = supplier.get();
		this.repository.describe(id, document.template(), document.targetType(), document.targetId(),
				document.fileName());
		CountingDataSource rows = new CountingDataSource(document.rows(),
				(done, exhausted) -> this.repository.progress(id, done,
						exhausted ? FILL_SHARE : fillPercent(done, estimatedRows)),
				PROGRESS_INTERVAL_NANOS, System::nanoTime);
		try {
			this.renderer.render(document.withRows(rows), format, watermark, file.out());
		}
		catch (JRException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
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
	 * An export queued or running when the previous process stopped cannot be resumed:
	 * its document was a function of that request (the user's scope, the report's
	 * parameters), which is not kept. It is failed with a message asking to export again;
	 * its part file, local to the process that wrote it, is nobody's.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void atStartup() {
		failInterrupted();
	}

	/**
	 * @return how many exports were failed
	 */
	public int failInterrupted() {
		int failed = this.repository.failAbandoned(Set.copyOf(this.own), ReportExport.INTERRUPTED,
				Times.now(this.clock));
		if (failed > 0) {
			log.info("{} background exports left unfinished by a restart marked failed", failed);
		}
		return failed;
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
