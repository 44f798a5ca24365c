package cn.qinglang.labelcheck.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import cn.qinglang.labelcheck.BatchSummary;
import cn.qinglang.labelcheck.CheckOptions;
import cn.qinglang.labelcheck.CheckRun;
import cn.qinglang.labelcheck.LabelChecker;
import cn.qinglang.labelcheck.Printable;
import cn.qinglang.labelcheck.Verdict;

/**
 * The checker on the command line, without Spring or a database: {@code java -jar
 * label-checker.jar [--json|--format …] FILE|FOLDER|ZIP…}, and the same as
 * {@code java -jar qinglang-inspect.jar check …}. Folders are walked, ZIP archives read
 * entry by entry; the reports are written as the files finish, in input order. Exit
 * status 0 when every file is compliant, 1 otherwise, 2 on a usage error (an unknown
 * option, a file that does not exist).
 */
@Command(name = "label-checker", mixinStandardHelpOptions = true, sortOptions = false,
		versionProvider = LabelCheckCli.Version.class,
		description = "Checks the implicit labels of AI-generated content (GB 45438-2025 Annex E) "
				+ "in files, folders and ZIP archives.",
		exitCodeListHeading = "%nExit status:%n", exitCodeList = { "0:every file is compliant",
				"1:a file is non-compliant or cannot be judged", "2:usage error (unknown option, no such file)" })
public final class LabelCheckCli implements Callable<Integer> {

	/** The first argument that selects this command in the portal's jar. */
	public static final String PORTAL_COMMAND = "check";

	/** How the reports are written. */
	public enum Format {

		/** A table for people. */
		TABLE,
		/** One JSON document of the schema check-run.schema.json. */
		JSON,
		/** SARIF 2.1.0 for code hosts and CI systems. */
		SARIF,
		/** JUnit XML for CI systems' test reports. */
		JUNIT

	}

	@Spec
	private CommandSpec spec;

	@Option(names = "--format", paramLabel = "FORMAT",
			description = "table (default), json, sarif or junit; json follows check-run.schema.json")
	private Format format = Format.TABLE;

	@Option(names = "--json", description = "the same as --format json")
	private boolean json;

	@Option(names = "--via-platform",
			description = "the samples come from a dissemination platform: require ContentPropagator and "
					+ "PropagateID on every label (Label 2 and 3 always require them)")
	private boolean viaPlatform;

	@Option(names = "--threads", paramLabel = "N", description = "files checked at once (default: ${DEFAULT-VALUE})")
	private int threads = Runtime.getRuntime().availableProcessors();

	@Parameters(arity = "1..*", paramLabel = "FILE|FOLDER|ZIP", description = "what to check")
	private List<Path> inputs;

	private final PrintStream out;

	private LabelCheckCli(PrintStream out) {
		this.out = out;
	}

	public static void main(String[] args) {
		Integer launched = Launcher.relaunch(LabelCheckCli.class, args);
		System.exit((launched != null) ? launched : run("java -jar label-checker.jar", args, System.out, System.err));
	}

	/**
	 * Runs the command.
	 * @param name how the user called it, for the usage text
	 * @return the exit status
	 */
	public static int run(String name, String[] args, PrintStream out, PrintStream err) {
		CommandLine command = new CommandLine(new LabelCheckCli(out));
		command.setCommandName(name);
		command.setCaseInsensitiveEnumValuesAllowed(true);
		command.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
		command.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
		return command.execute(args);
	}

	@Override
	public Integer call() throws IOException {
		if (this.threads < 1 || this.threads > 999) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), "--threads takes 1 to 999");
		}
		for (Path input : this.inputs) {
			if (!Files.exists(input)) {
				throw new CommandLine.ParameterException(this.spec.commandLine(),
						"no such file: " + Printable.clip(input.toString(), 300));
			}
		}
		ReportWriter writer = switch (this.json ? Format.JSON : this.format) {
			case TABLE -> new TableWriter(this.out);
			case JSON -> new JsonWriter(this.out);
			case SARIF -> new SarifWriter(this.out);
			case JUNIT -> new JUnitWriter(this.out);
		};
		BatchSummary.Counter counter = new BatchSummary.Counter();
		writer.start(this.viaPlatform);
		Batch.check(new LabelChecker(CheckOptions.defaults().withViaPlatform(this.viaPlatform)), this.inputs,
				this.threads, (report) -> {
					counter.add(report);
					writer.write(report);
				});
		BatchSummary summary = counter.summary();
		writer.finish(summary);
		this.out.flush();
		return (summary.byVerdict().get(Verdict.COMPLIANT) == summary.files()) ? 0 : 1;
	}

	/** The checker's version, which every report carries too. */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			return new String[] { LabelChecker.NAME + " " + LabelChecker.VERSION,
					"JSON report schema " + CheckRun.SCHEMA_VERSION };
		}

	}

}
