package cn.qinglang.labelcheck.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

import cn.qinglang.labelcheck.BatchSummary;
import cn.qinglang.labelcheck.FoundLabel;
import cn.qinglang.labelcheck.LabelChecker;
import cn.qinglang.labelcheck.Printable;
import cn.qinglang.labelcheck.SampleReport;

/**
 * The command line's table: one line per file, then the counts. Every value from a file
 * is made printable first: a sample cannot send escape sequences to the terminal.
 */
final class TableWriter implements ReportWriter {

	private static final String LINE = "%-14s %-6s %-34s %-40s %s%n";

	private final PrintStream out;

	private boolean viaPlatform;

	TableWriter(PrintStream out) {
		this.out = out;
	}

	@Override
	public void start(boolean viaPlatform) {
		this.viaPlatform = viaPlatform;
		this.out.printf(LINE, "VERDICT", "FORMAT", "IMPLICIT LABEL", "PROBLEMS", "FILE");
	}

	@Override
	public void write(SampleReport report) {
		String labels = report.labels().isEmpty() ? "-"
				: report.labels().stream().map(FoundLabel::location).collect(Collectors.joining(", "));
		String problems = report.problems().isEmpty() ? "-"
				: report.problems().stream().map((p) -> p.code().name()).distinct().collect(Collectors.joining(","));
		this.out.printf(LINE, report.verdict(), report.format(), Printable.clip(labels, 34), problems,
				Printable.clip(report.name(), 200));
		if (report.contentCredentials().manifestFound() || report.contentCredentials().claimsAiGeneration()) {
			this.out.printf("%-14s C2PA manifest: %s; AI claim: %s%n", "",
					report.contentCredentials().manifestFound() ? report.contentCredentials().manifestLocation()
							: "none",
					report.contentCredentials().claimsAiGeneration() ? report.contentCredentials().aiClaim() : "none");
		}
	}

	@Override
	public void finish(BatchSummary summary) {
		this.out.printf("%n%d files: %s%n", summary.files(), join(summary.byVerdict()));
		if (!summary.byProblem().isEmpty()) {
			this.out.println("by problem: " + join(summary.byProblem()));
		}
		this.out.println("checker " + LabelChecker.VERSION + (this.viaPlatform ? ", samples via a platform" : ""));
		this.out.flush();
	}

	private static String join(Map<?, Integer> counts) {
		return counts.entrySet()
			.stream()
			.map((entry) -> entry.getValue() + " " + entry.getKey())
			.collect(Collectors.joining(", "));
	}

}
