package cn.qinglang.labelcheck;

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

import static cn.qinglang.labelcheck.ProblemCode.LABEL_KEY_NAME_WRONG;
import static cn.qinglang.labelcheck.ProblemCode.LABEL_VALUE_INVALID;
import static cn.qinglang.labelcheck.ProblemCode.NON_STANDARD_PLACE;
import static cn.qinglang.labelcheck.ProblemCode.PLACE_LEFT_OPEN;
import static cn.qinglang.labelcheck.ProblemCode.PROPAGATOR_MISSING;
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

	// ---- rule 2: in the TC260 XMP namespace only AIGC is the label --------------------

	/**
	 * Look-alike names: lower case, a character added, Cyrillic A. (Fullwidth letters are
	 * no XML 1.0 name characters for the JDK's parser: such a packet is not well-formed,
	 * see below.)
	 */
	static List<String> lookAlikeNames() {
		return List.of("aigc", "AIGC1", "\u0410IGC", "Aigc");
	}

	@Test
	void fullwidthPropertyNameMakesTheXmpPacketUnreadableNotCompliant() throws IOException {
		SampleReport report = check(CHECKER, "webp",
				Samples.webp(Samples.xmp(XmpPacket.TC260, "\uFF21\uFF29\uFF27\uFF23", Samples.GOOD, null)));

		assertThat(report.verdict()).isEqualTo(Verdict.CANNOT_TELL);
		assertThat(codes(report)).contains(ProblemCode.DAMAGED);
		assertThat(report.problems().get(0).detail()).contains("not well-formed");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("lookAlikeNames")
	void labelUnderAnotherNameOfTheTc260NamespaceIsAWrongKeyName(String name) throws IOException {
		byte[] jpeg = Samples.jpegBody(16, 16);
		SampleReport wrong = check(CHECKER, "jpg", Samples.jpeg(Samples.JpegPlace.NONE, null, jpeg,
				Samples.jpegXmpSegment(Samples.xmp(XmpPacket.TC260, name, Samples.GOOD, null))));
		SampleReport twin = check(CHECKER, "jpg", Samples.jpeg(Samples.JpegPlace.NONE, null, jpeg,
				Samples.jpegXmpSegment(Samples.xmp(XmpPacket.TC260, "AIGC", Samples.GOOD, null))));

		assertThat(codes(wrong)).as("%s", wrong.problems()).isEqualTo(Set.of(LABEL_KEY_NAME_WRONG));
		assertThat(wrong.verdict()).isEqualTo(Verdict.NON_COMPLIANT);
		String shown = KeyName.shown(name);
		assertThat(wrong.problems().get(0).detail()).contains("named " + shown, "the standard's name is AIGC")
			.matches("\\p{ASCII}*");
		assertThat(twin.problems()).isEmpty();
		assertThat(twin.verdict()).isEqualTo(Verdict.COMPLIANT);
	}

	@Test
	void otherPropertiesOfTheTc260NamespaceHoldingALabelAreWrongKeyNamesToo() throws IOException {
		SampleReport report = check(CHECKER, "webp",
				Samples.webp(Samples.xmp(XmpPacket.TC260, "Label", Samples.GOOD, null)));

		assertThat(codes(report)).isEqualTo(Set.of(LABEL_KEY_NAME_WRONG));
	}

	// ---- rule 3: every named place, exactly AIGC
	// ----------------------------------------

	/** A file of each format with the label under a key name of the standard's place. */
	record NamedPlace(String name, java.util.function.BiFunction<String, String, byte[]> labelled) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static List<NamedPlace> namedPlaces() {
		byte[] png = Samples.pngBody(16, 16);
		return List.of(new NamedPlace("png tEXt", (key, label) -> Samples.png(png, Samples.pngText(key, label))),
				new NamedPlace("png iTXt",
						(key, label) -> Samples.png(png, Samples.pngInternationalText(key, label, false))),
				new NamedPlace("wav chunk",
						(key, label) -> Samples.wav(Samples.riffChunk(key, label.getBytes(StandardCharsets.UTF_8)))),
				new NamedPlace("mp3 TXXX", (key, label) -> Samples.mp3(Samples.id3UserText(key, label))),
				new NamedPlace("mp4 udta/meta",
						(key, label) -> Samples.mp4(Samples.Mp4Place.UDTA_META, key, label, 2056)),
				new NamedPlace("pdf Info", (key, label) -> Samples.pdf(Samples.PdfPlace.INFO, key, label)),
				new NamedPlace("docx custom", (key, label) -> Samples.docx(Samples.DocxPlace.CUSTOM, key, label)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("namedPlaces")
	void lowerCaseKeyNameIsWrongInEveryNamedPlace(NamedPlace place) throws IOException {
		String extension = place.name().substring(0, place.name().indexOf(' '));
		// RIFF chunk ids are four characters: the look-alike keeps the length
		for (String key : place.name().startsWith("wav") ? List.of("aigc", "AIGc") : List.of("aigc", "AIGC1", "Aigc")) {
			SampleReport wrong = check(CHECKER, extension, place.labelled().apply(key, Samples.GOOD));

			assertThat(codes(wrong)).as("%s %s: %s", place, key, wrong.problems())
				.isEqualTo(Set.of(LABEL_KEY_NAME_WRONG));
			assertThat(wrong.problems().get(0).detail()).contains("named " + key);
		}
		SampleReport twin = check(CHECKER, extension, place.labelled().apply("AIGC", Samples.GOOD));
		assertThat(twin.problems()).as("%s AIGC", place).isEmpty();
	}

	@Test
	void fullwidthAndCyrillicKeyNamesAreWrongWhereTheFormatAllowsThem() throws IOException {
		for (NamedPlace place : namedPlaces().subList(3, 7)) {
			String extension = place.name().substring(0, place.name().indexOf(' '));
			for (String key : List.of("\u0410IGC", "\uFF21\uFF29\uFF27\uFF23")) {
				SampleReport wrong = check(CHECKER, extension, place.labelled().apply(key, Samples.GOOD));

				assertThat(codes(wrong)).as("%s %s: %s", place, KeyName.shown(key), wrong.problems())
					.isEqualTo(Set.of(LABEL_KEY_NAME_WRONG));
				assertThat(wrong.problems().get(0).detail()).contains(KeyName.shown(key)).matches("\\p{ASCII}*");
			}
		}
	}

	@Test
	void aLabelUnderAnUnrelatedNameIsInANonStandardPlaceNotAWrongKey() throws IOException {
		byte[] png = Samples.pngBody(16, 16);

		assertThat(codes(check(CHECKER, "png", Samples.png(png, Samples.pngText("Comment", Samples.GOOD)))))
			.isEqualTo(Set.of(NON_STANDARD_PLACE));
		assertThat(codes(check(CHECKER, "png", Samples.png(png, Samples.pngCompressedText("AIGC", Samples.GOOD)))))
			.isEqualTo(Set.of(NON_STANDARD_PLACE));
	}

	@Test
	void aigcEntryOfAWavListInfoChunkIsCompliantWithANote() throws IOException {
		SampleReport report = check(CHECKER, "wav", Samples.wav(Samples.riffInfo("AIGC", Samples.GOOD)));
		SampleReport twin = check(CHECKER, "wav",
				Samples.wav(Samples.riffChunk("AIGC", Samples.GOOD.getBytes(StandardCharsets.UTF_8))));

		assertThat(report.verdict()).isEqualTo(Verdict.COMPLIANT);
		assertThat(codes(report)).isEqualTo(Set.of(PLACE_LEFT_OPEN));
		assertThat(report.problems().get(0).detail()).contains("LIST INFO AIGC", "RIFF chunk AIGC");
		assertThat(report.labels()).singleElement().satisfies((label) -> assertThat(label.standardPlace()).isTrue());
		assertThat(twin.problems()).isEmpty();
		assertThat(codes(check(CHECKER, "wav", Samples.wav(Samples.riffInfo("ICMT", Samples.GOOD)))))
			.isEqualTo(Set.of(NON_STANDARD_PLACE));
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
