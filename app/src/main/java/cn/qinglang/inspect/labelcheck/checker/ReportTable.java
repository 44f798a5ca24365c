package cn.qinglang.inspect.labelcheck.checker;

import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The command line's table: one line per file, then the counts. Every value from a file
 * is made printable first: a sample cannot send escape sequences to the terminal.
 */
final class ReportTable {

	private ReportTable() {
	}

	static void print(CheckRun run, PrintStream out) {
		out.printf("%-14s %-6s %-34s %-40s %s%n", "VERDICT", "FORMAT", "IMPLICIT LABEL", "PROBLEMS", "FILE");
		for (SampleReport report : run.files()) {
			String labels = report.labels().isEmpty() ? "-"
					: report.labels().stream().map(FoundLabel::location).collect(Collectors.joining(", "));
			String problems = report.problems().isEmpty() ? "-"
					: report.problems()
						.stream()
						.map((p) -> p.code().name())
						.distinct()
						.collect(Collectors.joining(","));
			out.printf("%-14s %-6s %-34s %-40s %s%n", report.verdict(), report.format(), Printable.clip(labels, 34),
					problems, Printable.clip(report.name(), 200));
			if (report.contentCredentials().manifestFound() || report.contentCredentials().claimsAiGeneration()) {
				out.printf("%-14s C2PA manifest: %s; AI claim: %s%n", "",
						report.contentCredentials().manifestFound() ? report.contentCredentials().manifestLocation()
								: "none",
						report.contentCredentials().claimsAiGeneration() ? report.contentCredentials().aiClaim()
								: "none");
			}
		}
		BatchSummary summary = run.summary();
		out.printf("%n%d files: %s%n", summary.files(), join(summary.byVerdict()));
		if (!summary.byProblem().isEmpty()) {
			out.println("by problem: " + join(summary.byProblem()));
		}
		out.println("checker " + run.checkerVersion() + (run.viaPlatform() ? ", samples via a platform" : ""));
	}

	private static String join(Map<?, Integer> counts) {
		return counts.entrySet()
			.stream()
			.map((entry) -> entry.getValue() + " " + entry.getKey())
			.collect(Collectors.joining(", "));
	}

}
