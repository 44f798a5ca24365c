package cn.qinglang.inspect.labelcheck.checker;

import java.util.List;

/**
 * A batch's reports as the command line and the HTTP endpoint give them out.
 *
 * @param checker the checker's name
 * @param checkerVersion its version, to reproduce the results
 * @param viaPlatform whether the propagator's fields were required
 * @param files one report per file, in the order given
 * @param summary counts by verdict and by problem
 */
public record CheckRun(String checker, String checkerVersion, boolean viaPlatform, List<SampleReport> files,
		BatchSummary summary) {

	public static CheckRun of(boolean viaPlatform, List<SampleReport> files) {
		return new CheckRun(LabelChecker.NAME, LabelChecker.VERSION, viaPlatform, files, BatchSummary.of(files));
	}

}
