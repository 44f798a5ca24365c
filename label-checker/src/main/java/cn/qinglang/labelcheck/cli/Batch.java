package cn.qinglang.labelcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import cn.qinglang.labelcheck.LabelChecker;
import cn.qinglang.labelcheck.Problem;
import cn.qinglang.labelcheck.ProblemCode;
import cn.qinglang.labelcheck.SampleArchive;
import cn.qinglang.labelcheck.SampleReport;

/**
 * A batch of files checked on several threads, each report handed over in input order as
 * soon as its file and those before it are done. Memory stays bounded whatever the
 * batch's size: at most a few files per thread are in flight, folders are walked one at a
 * time (each sorted by name), and a ZIP's entries are unpacked one by one into temporary
 * files that are removed once checked.
 */
public final class Batch {

	/** Files in flight per thread: enough to keep every thread busy. */
	private static final int WINDOW_PER_THREAD = 4;

	private final LabelChecker checker;

	private final ExecutorService pool;

	private final int window;

	private final ReportSink sink;

	private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();

	private Batch(LabelChecker checker, int threads, ReportSink sink) {
		this.checker = checker;
		this.pool = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "labelcheck");
			thread.setDaemon(true);
			return thread;
		});
		this.window = threads * WINDOW_PER_THREAD;
		this.sink = sink;
	}

	/** Receives each report, in input order, on the calling thread. */
	@FunctionalInterface
	public interface ReportSink {

		void accept(SampleReport report) throws IOException;

	}

	/**
	 * Checks every file of the inputs (files, folders walked recursively, ZIP archives
	 * entry by entry).
	 * @throws IOException when an input does not exist or cannot be listed, or the sink
	 * fails
	 */
	public static void check(LabelChecker checker, List<Path> inputs, int threads, ReportSink sink) throws IOException {
		Batch batch = new Batch(checker, threads, sink);
		try {
			for (Path input : inputs) {
				batch.input(input);
			}
			while (!batch.inFlight.isEmpty()) {
				batch.handOver();
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		finally {
			batch.pool.shutdownNow();
		}
	}

	private void input(Path input) throws IOException {
		if (Files.isDirectory(input)) {
			folder(input);
		}
		else if (Files.isRegularFile(input)) {
			file(input);
		}
		else {
			throw new IOException("no such file: " + input);
		}
	}

	/** A folder's files and subfolders by name; links to folders are not followed. */
	private void folder(Path folder) throws IOException {
		List<Path> children;
		try (Stream<Path> list = Files.list(folder)) {
			children = list.sorted().toList();
		}
		for (Path child : children) {
			if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
				folder(child);
			}
			else if (Files.isRegularFile(child)) {
				file(child);
			}
		}
	}

	private void file(Path file) throws IOException {
		if (LabelChecker.isArchive(file) && archive(file)) {
			return;
		}
		submit(file.toString(), () -> this.checker.check(file.toString(), file));
	}

	/** Whether the archive could be opened; its entries are then submitted one by one. */
	private boolean archive(Path file) throws IOException {
		try {
			SampleArchive.forEach(file, file + "!/",
					new SampleArchive.Limits(100_000, this.checker.options().maxFileSize(), 8L * 1024 * 1024 * 1024),
					this::entry, (refused) -> done(refused));
			return true;
		}
		catch (IOException ex) {
			// not a readable ZIP: the checker reports on the file itself
			return false;
		}
	}

	private void entry(String name, InputStream content) throws IOException {
		Path copy = Files.createTempFile("labelcheck-", ".sample");
		try {
			Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(copy);
			throw ex;
		}
		submit(name, () -> {
			try {
				return this.checker.check(name, copy);
			}
			finally {
				Files.deleteIfExists(copy);
			}
		});
	}

	private void submit(String name, Callable<SampleReport> task) throws IOException {
		makeRoom();
		this.inFlight.add(new InFlight(name, this.pool.submit(task)));
	}

	/** A report that needs no checking (an archive entry refused), in its place. */
	private void done(SampleReport report) {
		try {
			makeRoom();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.inFlight.add(new InFlight(report.name(), CompletableFuture.completedFuture(report)));
	}

	private void makeRoom() throws IOException {
		while (this.inFlight.size() >= this.window) {
			handOver();
		}
	}

	/** Waits for the oldest file in flight and hands its report to the sink. */
	private void handOver() throws IOException {
		InFlight next = this.inFlight.poll();
		SampleReport report;
		try {
			report = next.report().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			// the checker reports what a file holds; this is a failure of its own
			report = SampleReport.unread(next.name(), 0,
					Problem.of(ProblemCode.DAMAGED, "the checker failed: " + ex.getCause()));
		}
		this.sink.accept(report);
	}

	private record InFlight(String name, Future<SampleReport> report) {
	}

}
