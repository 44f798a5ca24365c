package cn.qinglang.labelcheck;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts for a batch: files by verdict, and files by problem (a file counts once per
 * problem code however often it has it).
 */
public record BatchSummary(int files, Map<Verdict, Integer> byVerdict, Map<ProblemCode, Integer> byProblem) {

	public static BatchSummary of(Collection<SampleReport> reports) {
		Counter counter = new Counter();
		reports.forEach(counter::add);
		return counter.summary();
	}

	/** Counts reports one at a time, so that a large batch need not be kept. */
	public static final class Counter {

		private int files;

		private final Map<Verdict, Integer> byVerdict = new EnumMap<>(Verdict.class);

		private final Map<ProblemCode, Integer> byProblem = new EnumMap<>(ProblemCode.class);

		public Counter() {
			for (Verdict verdict : Verdict.values()) {
				this.byVerdict.put(verdict, 0);
			}
		}

		public synchronized void add(SampleReport report) {
			this.files++;
			this.byVerdict.merge(report.verdict(), 1, Integer::sum);
			report.problems()
				.stream()
				.map(Problem::code)
				.distinct()
				.forEach((code) -> this.byProblem.merge(code, 1, Integer::sum));
		}

		public synchronized BatchSummary summary() {
			return new BatchSummary(this.files, new LinkedHashMap<>(this.byVerdict),
					new LinkedHashMap<>(this.byProblem));
		}

	}

}
