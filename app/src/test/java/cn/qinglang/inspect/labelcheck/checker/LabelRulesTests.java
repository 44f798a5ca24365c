package cn.qinglang.inspect.labelcheck.checker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.qinglang.inspect.labelcheck.checker.ProblemCode.LABEL_VALUE_INVALID;
import static cn.qinglang.inspect.labelcheck.checker.ProblemCode.PROPAGATOR_MISSING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of issue 16, each on a file made for it beside its compliant twin: the twin
 * shows that the file differs only in what the rule is about.
 */
class LabelRulesTests {

	private static final LabelChecker CHECKER = new LabelChecker(CheckOptions.defaults());

	private static final LabelChecker VIA_PLATFORM = new LabelChecker(CheckOptions.defaults().withViaPlatform(true));

	private static final String PRODUCER = "913101150000000001";

	private static final String PRODUCE_ID = "QQ-20261123-000001";

	private static final String PROPAGATOR = "911100000000000002";

	private static final String PROPAGATE_ID = "MC-8812-0001";

	@TempDir
	Path folder;

	/** A file of each format with the label in the place the standard names for it. */
	record Format(String name, Function<String, byte[]> labelled) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static List<Format> formats() {
		byte[] png = Samples.pngBody(16, 16);
		byte[] jpeg = Samples.jpegBody(16, 16);
		return List.of(new Format("png", (label) -> Samples.png(png, Samples.pngText("AIGC", label))),
				new Format("jpg", (label) -> Samples.jpeg(Samples.JpegPlace.XMP, label, jpeg)),
				new Format("wav",
						(label) -> Samples.wav(Samples.riffChunk("AIGC", label.getBytes(StandardCharsets.UTF_8)))),
				new Format("mp3", (label) -> Samples.mp3(Samples.id3UserText("AIGC", label))),
				new Format("mp4", (label) -> Samples.mp4(Samples.Mp4Place.UDTA_META, label, 2056)),
				new Format("pdf", (label) -> Samples.pdf(Samples.PdfPlace.INFO, label)),
				new Format("docx", (label) -> Samples.docx(Samples.DocxPlace.CUSTOM, label)));
	}

	// ---- rule 1: Label "2" or "3" needs the propagator's fields ---------------------

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void possiblyOrSuspectedWithoutPropagatorIsNonCompliantWithoutThePlatformOption(Format format) throws IOException {
		for (String attribute : List.of("2", "3")) {
			SampleReport bare = check(CHECKER, format, Samples.label(attribute, PRODUCER, PRODUCE_ID, "", ""));
			SampleReport twin = check(CHECKER, format,
					Samples.label(attribute, PRODUCER, PRODUCE_ID, PROPAGATOR, PROPAGATE_ID));

			assertThat(codes(bare)).as("Label %s without propagator: %s", attribute, bare.problems())
				.isEqualTo(Set.of(PROPAGATOR_MISSING));
			assertThat(bare.verdict()).isEqualTo(Verdict.NON_COMPLIANT);
			assertThat(bare.problems()).singleElement()
				.satisfies((problem) -> assertThat(problem.detail())
					.contains("Label \"" + attribute + "\" is written only by a dissemination platform"));
			assertThat(twin.problems()).as("Label %s with propagator", attribute).isEmpty();
			assertThat(twin.verdict()).isEqualTo(Verdict.COMPLIANT);
		}
	}

	@Test
	void emptyOrBlankPropagatorFieldsCountAsMissingForLabelTwo() throws IOException {
		Format png = formats().get(0);
		for (String[] fields : List.of(new String[] { "", PROPAGATE_ID }, new String[] { PROPAGATOR, "" },
				new String[] { " ", " " }, new String[] { PROPAGATOR, "  " })) {
			SampleReport report = check(CHECKER, png, Samples.label("2", PRODUCER, PRODUCE_ID, fields[0], fields[1]));

			assertThat(codes(report)).as("ContentPropagator \"%s\", PropagateID \"%s\"", fields[0], fields[1])
				.isEqualTo(Set.of(PROPAGATOR_MISSING));
		}
	}

	@Test
	void labelTwoWithoutPropagatorKeysAtAllIsNonCompliant() throws IOException {
		Format png = formats().get(0);
		SampleReport keysAbsent = check(CHECKER, png,
				"{\"Label\":\"2\",\"ContentProducer\":\"" + PRODUCER + "\",\"ProduceID\":\"" + PRODUCE_ID + "\"}");
		SampleReport twin = check(CHECKER, png,
				"{\"Label\":\"2\",\"ContentProducer\":\"" + PRODUCER + "\",\"ProduceID\":\"" + PRODUCE_ID
						+ "\",\"ContentPropagator\":\"" + PROPAGATOR + "\",\"PropagateID\":\"" + PROPAGATE_ID + "\"}");

		assertThat(codes(keysAbsent)).isEqualTo(Set.of(PROPAGATOR_MISSING));
		assertThat(twin.verdict()).isEqualTo(Verdict.COMPLIANT);
	}

	@Test
	void labelGivenAsNumberIsInvalidAndStillNeedsThePropagatorWhenTwoOrThree() throws IOException {
		Format png = formats().get(0);
		String numeric = "{\"Label\":%s,\"ContentProducer\":\"" + PRODUCER + "\",\"ProduceID\":\"" + PRODUCE_ID
				+ "\",\"ContentPropagator\":\"%s\",\"PropagateID\":\"%s\"}";

		assertThat(codes(check(CHECKER, png, numeric.formatted("3", "", ""))))
			.isEqualTo(Set.of(LABEL_VALUE_INVALID, PROPAGATOR_MISSING));
		assertThat(codes(check(CHECKER, png, numeric.formatted("3", PROPAGATOR, PROPAGATE_ID))))
			.isEqualTo(Set.of(LABEL_VALUE_INVALID));
		assertThat(codes(check(CHECKER, png, numeric.formatted("1", "", "")))).isEqualTo(Set.of(LABEL_VALUE_INVALID));
	}

	@Test
	void labelOneNeedsThePropagatorOnlyWhenTakenFromAPlatform() throws IOException {
		Format png = formats().get(0);
		String withoutPropagator = Samples.label("1", PRODUCER, PRODUCE_ID, "", "");

		assertThat(check(CHECKER, png, withoutPropagator).verdict()).isEqualTo(Verdict.COMPLIANT);
		assertThat(codes(check(VIA_PLATFORM, png, withoutPropagator))).isEqualTo(Set.of(PROPAGATOR_MISSING));
		assertThat(check(VIA_PLATFORM, png, Samples.GOOD_VIA_PLATFORM).verdict()).isEqualTo(Verdict.COMPLIANT);
		assertThat(codes(check(VIA_PLATFORM, png, Samples.label("2", PRODUCER, PRODUCE_ID, "", ""))))
			.isEqualTo(Set.of(PROPAGATOR_MISSING));
	}

	// ---- helpers
	// -------------------------------------------------------------------------

	private SampleReport check(LabelChecker checker, Format format, String label) throws IOException {
		return check(checker, format.name(), format.labelled().apply(label));
	}

	private SampleReport check(LabelChecker checker, String extension, byte[] content) throws IOException {
		Path file = Files.createTempFile(this.folder, "sample", "." + extension);
		Files.write(file, content);
		return checker.check(file);
	}

	private static Set<ProblemCode> codes(SampleReport report) {
		return report.problems().stream().map(Problem::code).collect(Collectors.toSet());
	}

}
