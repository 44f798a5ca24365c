package cn.qinglang.inspect.labelcheck.checker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar qinglang-inspect.jar check [--json] [--via-platform] [--threads N]
 * FILE|FOLDER|ZIP…}: the checker on its own, without Spring or a database. Folders are
 * walked, ZIP archives opened entry by entry (into a temporary file each, removed once
 * checked). Exit status 0 when every file is compliant, 1 otherwise, 2 on a usage error.
 */
public final class CheckCommand {

	/** The first argument that selects this command instead of the portal. */
	public static final String NAME = "check";

	private static final String USAGE = """
			usage: java -jar qinglang-inspect.jar check [--json] [--via-platform] [--threads N] FILE|FOLDER|ZIP...
			  --json          one JSON document (reports and summary) instead of a table
			  --via-platform  the samples come from a dissemination platform: require ContentPropagator and PropagateID
			  --threads N     files checked at once (default: the number of processors)""";

	private CheckCommand() {
	}

	/** Keeps the libraries' logging quiet before any of them starts it. */
	public static void prepareLogging() {
		System.setProperty("logback.configurationFile", "labelcheck-cli-logback.xml");
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		boolean json = false;
		boolean viaPlatform = false;
		int threads = Runtime.getRuntime().availableProcessors();
		List<Path> inputs = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--json" -> json = true;
				case "--via-platform" -> viaPlatform = true;
				case "--threads" -> {
					if (i + 1 >= args.length || !args[i + 1].matches("[1-9][0-9]{0,2}")) {
						err.println(USAGE);
						return 2;
					}
					threads = Integer.parseInt(args[++i]);
				}
				case "-h", "--help" -> {
					out.println(USAGE);
					return 0;
				}
				default -> {
					if (args[i].startsWith("--")) {
						err.println("unknown option " + Printable.clip(args[i], 80) + "\n" + USAGE);
						return 2;
					}
					inputs.add(Path.of(args[i]));
				}
			}
		}
		if (inputs.isEmpty()) {
			err.println(USAGE);
			return 2;
		}
		LabelChecker checker = new LabelChecker(CheckOptions.defaults().withViaPlatform(viaPlatform));
		List<SampleReport> reports;
		try {
			reports = checkAll(checker, inputs, threads);
		}
		catch (IOException ex) {
			err.println("cannot read: " + Printable.clip(String.valueOf(ex.getMessage()), 300));
			return 2;
		}
		CheckRun run = CheckRun.of(viaPlatform, reports);
		if (json) {
			out.println(
					JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(run));
		}
		else {
			ReportTable.print(run, out);
		}
		return (run.summary().byVerdict().get(Verdict.COMPLIANT) == reports.size()) ? 0 : 1;
	}

	/** Every file of the inputs, checked on {@code threads} threads, in input order. */
	public static List<SampleReport> checkAll(LabelChecker checker, List<Path> inputs, int threads) throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path input : inputs) {
			if (Files.isDirectory(input)) {
				try (Stream<Path> walk = Files.walk(input)) {
					walk.filter(Files::isRegularFile).sorted().forEach(files::add);
				}
			}
			else if (Files.isRegularFile(input)) {
				files.add(input);
			}
			else {
				throw new IOException("no such file: " + input);
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<List<SampleReport>>> pending = new ArrayList<>();
			for (Path file : files) {
				pending.add(pool.submit(() -> checkOne(checker, file)));
			}
			List<SampleReport> reports = new ArrayList<>();
			for (Future<List<SampleReport>> future : pending) {
				reports.addAll(future.get());
			}
			return reports;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IOException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** One file's report, or one per entry of an archive. */
	private static List<SampleReport> checkOne(LabelChecker checker, Path file) throws IOException {
		SampleReport report = checker.check(file.toString(), file);
		if (report.format() != SampleFormat.ZIP) {
			return List.of(report);
		}
		List<SampleReport> reports = new ArrayList<>();
		Path entryFile = Files.createTempFile("labelcheck-", ".sample");
		try {
			SampleArchive.forEach(file, file + "!/",
					new SampleArchive.Limits(100_000, checker.options().maxFileSize(), 8L * 1024 * 1024 * 1024),
					(name, content) -> reports.add(checkEntry(checker, name, content, entryFile)), reports::add);
		}
		catch (IOException ex) {
			return List.of(report);
		}
		finally {
			Files.deleteIfExists(entryFile);
		}
		return reports;
	}

	private static SampleReport checkEntry(LabelChecker checker, String name, InputStream content, Path entryFile)
			throws IOException {
		try {
			Files.copy(content, entryFile, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		return checker.check(name, entryFile);
	}

}
