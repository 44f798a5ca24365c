package cn.qinglang.labelcheck;

import java.util.List;

/**
 * A batch's reports as the command line and the HTTP endpoint give them out: the JSON
 * document of the schema {@code check-run.schema.json} (shipped beside this class), whose
 * version is {@link #SCHEMA_VERSION}.
 *
 * @param schemaVersion the schema's version: a minor version adds fields, a major one
 * changes or removes them
 * @param checker the checker's name
 * @param checkerVersion its version, to reproduce the results
 * @param viaPlatform whether the propagator's fields were required
 * @param files one report per file, in the order given
 * @param summary counts by verdict and by problem
 */
public record CheckRun(String schemaVersion, String checker, String checkerVersion, boolean viaPlatform,
		List<SampleReport> files, BatchSummary summary) {

	/** The version of {@code check-run.schema.json} that this record follows. */
	public static final String SCHEMA_VERSION = "1.0";

	public static CheckRun of(boolean viaPlatform, List<SampleReport> files) {
		return new CheckRun(SCHEMA_VERSION, LabelChecker.NAME, LabelChecker.VERSION, viaPlatform, files,
				BatchSummary.of(files));
	}

}
