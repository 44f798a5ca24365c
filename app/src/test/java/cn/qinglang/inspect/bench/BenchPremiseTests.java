package cn.qinglang.inspect.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboard and bulletin benchmarks refuse a data set that is not there, or whose
 * size they cannot know, before the application starts: an empty folder got an empty
 * database installed and measured as 0 rows without a word.
 */
class BenchPremiseTests {

	@TempDir
	Path folder;

	@Test
	void anEmptyFolderIsNoDataSet() {
		assertThatThrownBy(() -> BenchPremise.generatedSet(this.folder)).isInstanceOf(BenchPremise.Failed.class)
			.hasMessage("benchmark premise failed: no generated database in " + this.folder.resolve("data")
					+ ": delete " + this.folder + " and run the benchmark again to generate it");
		assertThat(this.folder.resolve("data")).doesNotExist();
	}

	@Test
	void aDataSetWhoseReportGivesNoCountsIsRefused() throws Exception {
		Files.createDirectories(this.folder.resolve("data/mysql"));
		Files.createFile(this.folder.resolve("generated"));

		assertThatThrownBy(() -> BenchPremise.generatedSet(this.folder)).isInstanceOf(BenchPremise.Failed.class)
			.hasMessageContaining("does not say how many rows were generated");
	}

	@Test
	void theGeneratorsReportGivesTheRowsToExpect() throws Exception {
		Files.createDirectories(this.folder.resolve("data/mysql"));
		Files.writeString(this.folder.resolve("generated"),
				"""
						generate: 150 enterprises, 2024-12-03 to 2026-12-02, 10000000 complaints, 500000 actions, seed 20261123
						generate: labeling_metric=328500 complaint=10000000 enforcement_action=500000 load_s=1.0 aggregates_s=2.0 total_s=3.0
						""");

		assertThat(BenchPremise.generatedSet(this.folder)).containsExactly(
				org.assertj.core.api.Assertions.entry("labeling_metric", 328500L),
				org.assertj.core.api.Assertions.entry("complaint", 10_000_000L),
				org.assertj.core.api.Assertions.entry("enforcement_action", 500_000L));
	}

}
