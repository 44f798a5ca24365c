package cn.qinglang.labelcheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file of the corpus gets the verdict and exactly the problems it was made for.
 */
class LabelCheckerCorpusTests {

	private static final LabelChecker CHECKER = new LabelChecker(CheckOptions.defaults());

	private static final LabelChecker VIA_PLATFORM = new LabelChecker(CheckOptions.defaults().withViaPlatform(true));

	static List<SampleCorpus.Case> cases() {
		return SampleCorpus.cases();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void eachSampleGetsItsVerdictAndProblems(SampleCorpus.Case sample) {
		Path file = SampleCorpus.FOLDER.resolve(sample.path());
		SampleReport report = (sample.viaPlatform() ? VIA_PLATFORM : CHECKER).check(sample.path(), file);

		assertThat(report.problems().stream().map(Problem::code).collect(Collectors.toSet()))
			.as("%s (%s): %s", sample.path(), sample.what(), report.problems())
			.isEqualTo(sample.problems());
		assertThat(report.verdict()).as(sample.path()).isEqualTo(sample.verdict());
	}

	@Test
	void corpusHoldsExactlyTheListedFiles() throws IOException {
		Set<String> listed = cases().stream().map(SampleCorpus.Case::path).collect(Collectors.toSet());
		try (Stream<Path> files = Files.walk(SampleCorpus.FOLDER)) {
			assertThat(files.filter(Files::isRegularFile)
				.map((file) -> SampleCorpus.FOLDER.relativize(file).toString().replace('\\', '/'))
				.filter((path) -> !path.equals("expected.csv") && !path.equals("README.md"))
				.collect(Collectors.toSet())).isEqualTo(listed);
		}
	}

	@Test
	void labelFoundIsReportedWithItsPlaceAndParsedKeys() {
		SampleReport report = CHECKER.check(SampleCorpus.FOLDER.resolve("wav/labelled.wav"));

		assertThat(report.labels()).singleElement().satisfies((label) -> {
			assertThat(label.location()).isEqualTo("WAV chunk AIGC");
			assertThat(label.standardPlace()).isTrue();
			assertThat(label.fields()).containsEntry("Label", "1").containsEntry("ProduceID", "QQ-20261123-000001");
		});
	}

	@Test
	void contentCredentialsAreReportedBesideTheLabel() {
		SampleReport withLabel = CHECKER.check(SampleCorpus.FOLDER.resolve("jpeg/c2pa-and-label.jpg"));
		SampleReport composite = CHECKER.check(SampleCorpus.FOLDER.resolve("png/c2pa-cabx.png"));
		SampleReport withoutLabel = CHECKER.check(SampleCorpus.FOLDER.resolve("jpeg/c2pa-only.jpg"));

		assertThat(withLabel.contentCredentials())
			.isEqualTo(new ContentCredentials(true, "JPEG APP11", "trainedAlgorithmicMedia", "JPEG APP11 (C2PA)"));
		assertThat(composite.contentCredentials().aiClaim()).isEqualTo("compositeWithTrainedAlgorithmicMedia");
		assertThat(withoutLabel.contentCredentials().manifestFound()).isTrue();
		assertThat(withoutLabel.verdict()).isEqualTo(Verdict.NON_COMPLIANT);
	}

	@Test
	void explicitLabelOfATextIsFoundAtItsPosition() {
		assertThat(CHECKER.check(SampleCorpus.FOLDER.resolve("text/label-start.txt")).explicitLabel().positions())
			.containsExactly("START");
		assertThat(CHECKER.check(SampleCorpus.FOLDER.resolve("text/label-end.txt")).explicitLabel().positions())
			.containsExactly("END");
		assertThat(CHECKER.check(SampleCorpus.FOLDER.resolve("text/label-middle.txt")).explicitLabel().positions())
			.containsExactly("MIDDLE");
	}

}
