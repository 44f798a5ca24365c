package cn.qinglang.labelcheck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.qinglang.labelcheck.cli.Batch;
import cn.qinglang.labelcheck.cli.LabelCheckCli;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken input: every file gets a report, the batch goes on, nothing is read
 * whole because it says it is large, nothing is written outside the folder given.
 */
class RobustnessTests {

	private static final LabelChecker CHECKER = new LabelChecker(CheckOptions.defaults());

	@TempDir
	Path folder;

	@Test
	void hugeUncompressedXmpIsSkippedNotRead() throws IOException {
		String huge = new String(Samples.xmp(Samples.GOOD), StandardCharsets.UTF_8).replace("</x:xmpmeta>",
				" ".repeat(5 * 1024 * 1024) + "</x:xmpmeta>");
		Path file = write("huge-xmp.png",
				Samples.png(Samples.pngBody(8, 8), Samples.pngInternationalText("XML:com.adobe.xmp", huge, false)));

		SampleReport report = CHECKER.check(file);

		assertThat(report.verdict()).isEqualTo(Verdict.CANNOT_TELL);
		assertThat(report.problems()).extracting(Problem::code).containsExactly(ProblemCode.METADATA_TOO_LARGE);
	}

	@Test
	void id3TagDeclaringMoreThanTheFileIsDamaged() throws IOException {
		byte[] mp3 = Samples.mp3(Samples.id3UserText("AIGC", Samples.GOOD));
		mp3[6] = 0x7F;

		SampleReport report = CHECKER.check(write("big-tag.mp3", mp3));

		assertThat(report.verdict()).isEqualTo(Verdict.CANNOT_TELL);
		assertThat(report.problems()).extracting(Problem::code).contains(ProblemCode.DAMAGED);
	}

	@Test
	void everyPrefixOfALabelledFileGetsAReport() throws IOException {
		byte[][] samples = { Samples.jpeg(Samples.JpegPlace.XMP, Samples.GOOD, Samples.jpegBody(8, 8)),
				Samples.png(Samples.pngBody(8, 8), Samples.pngText("AIGC", Samples.GOOD)),
				Samples.wav(Samples.riffChunk("AIGC", Samples.GOOD.getBytes(StandardCharsets.US_ASCII))),
				Samples.mp3(Samples.id3UserText("AIGC", Samples.GOOD)),
				Samples.mp4(Samples.Mp4Place.UDTA_META, Samples.GOOD, 8 + 2048),
				Samples.pdf(Samples.PdfPlace.INFO, Samples.GOOD),
				Samples.docx(Samples.DocxPlace.CUSTOM, Samples.GOOD) };
		for (byte[] sample : samples) {
			for (int length = 1; length < sample.length; length += Math.max(1, sample.length / 40)) {
				Path file = write("prefix", java.util.Arrays.copyOf(sample, length));
				SampleReport report = CHECKER.check(file);
				assertThat(report.verdict()).isNotNull();
				if (report.verdict() == Verdict.COMPLIANT) {
					assertThat(report.labels()).isNotEmpty();
				}
			}
		}
	}

	@Test
	void zipBombStopsAtTheEntryLimitAndTheNextEntryIsRead() throws IOException {
		Path zip = this.folder.resolve("samples.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			byte[] zeros = new byte[1024 * 1024];
			for (String bomb : List.of("bomb.png", "lying-bomb.png")) {
				out.putNextEntry(new ZipEntry(bomb));
				for (int i = 0; i < 100; i++) {
					out.write(zeros);
				}
			}
			out.putNextEntry(new ZipEntry("../../evil.png"));
			out.write(Samples.pngBody(4, 4));
			out.putNextEntry(new ZipEntry("/etc/passwd"));
			out.write("root".getBytes(StandardCharsets.US_ASCII));
			out.putNextEntry(new ZipEntry("ok/labelled.png"));
			out.write(Samples.png(Samples.pngBody(4, 4), Samples.pngText("AIGC", Samples.GOOD)));
		}
		declareSmallSize(zip, "lying-bomb.png");
		assertThat(Files.size(zip)).isLessThan(1024 * 1024);
		List<SampleReport> reports = new ArrayList<>();
		List<String> handed = new ArrayList<>();

		SampleArchive.forEach(zip, "samples.zip!/", new SampleArchive.Limits(100, 10 * 1024 * 1024, 50 * 1024 * 1024),
				(name, content) -> {
					handed.add(name);
					Path entry = this.folder.resolve("entry");
					Files.copy(content, entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
					reports.add(CHECKER.check(name, entry));
				}, reports::add);

		assertThat(reports).extracting(SampleReport::name)
			.containsExactly("samples.zip!/bomb.png", "samples.zip!/lying-bomb.png", "samples.zip!/../../evil.png",
					"samples.zip!//etc/passwd", "samples.zip!/ok/labelled.png");
		assertThat(reports.subList(0, 4)).extracting((report) -> report.problems().get(0).code())
			.containsExactly(ProblemCode.TOO_LARGE, ProblemCode.TOO_LARGE, ProblemCode.UNSAFE_NAME,
					ProblemCode.UNSAFE_NAME);
		assertThat(reports.get(1).size()).isLessThanOrEqualTo(10 * 1024 * 1024 + 64 * 1024);
		assertThat(reports.get(4).verdict()).isEqualTo(Verdict.COMPLIANT);
		// the declared size refuses the first bomb unread; the lying one is cut off at
		// the limit
		assertThat(handed).containsExactly("samples.zip!/lying-bomb.png", "samples.zip!/ok/labelled.png");
		try (Stream<Path> files = Files.list(this.folder)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrder("samples.zip",
					"entry");
		}
		assertThat(this.folder.getParent().resolve("evil.png")).doesNotExist();
	}

	@Test
	void thousandsOfFilesInOneBatchEachGetAReport() throws IOException {
		Path samples = Files.createDirectories(this.folder.resolve("batch"));
		byte[] labelled = Samples.png(Samples.pngBody(4, 4), Samples.pngText("AIGC", Samples.GOOD));
		byte[] unlabelled = Samples.pngBody(4, 4);
		for (int i = 0; i < 3000; i++) {
			Files.write(samples.resolve("%04d.png".formatted(i)), switch (i % 3) {
				case 0 -> labelled;
				case 1 -> unlabelled;
				default -> java.util.Arrays.copyOf(labelled, 20);
			});
		}

		List<SampleReport> reports = new ArrayList<>();
		Batch.check(CHECKER, List.of(samples), 2, reports::add);

		assertThat(reports).hasSize(3000);
		BatchSummary summary = BatchSummary.of(reports);
		assertThat(summary.byVerdict()).containsEntry(Verdict.COMPLIANT, 1000)
			.containsEntry(Verdict.NON_COMPLIANT, 1000)
			.containsEntry(Verdict.CANNOT_TELL, 1000);
		assertThat(summary.byProblem()).containsEntry(ProblemCode.IMPLICIT_LABEL_MISSING, 1000)
			.containsEntry(ProblemCode.DAMAGED, 1000);
	}

	@Test
	void commandLinePrintsATableAndJsonWithoutControlCharacters() throws IOException {
		Path corpus = SampleCorpus.FOLDER.resolve("png");
		ByteArrayOutputStream table = new ByteArrayOutputStream();
		ByteArrayOutputStream json = new ByteArrayOutputStream();

		int tableStatus = LabelCheckCli.run("label-checker", new String[] { corpus.toString() }, print(table),
				print(nowhere()));
		int jsonStatus = LabelCheckCli.run("label-checker",
				new String[] { "--json", corpus.resolve("labelled-text.png").toString() }, print(json),
				print(nowhere()));

		assertThat(tableStatus).isEqualTo(1);
		assertThat(table.toString(StandardCharsets.UTF_8)).contains("VERDICT", "PNG tEXt AIGC", "NON_STANDARD_PLACE",
				"files:", "checker " + LabelChecker.VERSION);
		assertThat(table.toString(StandardCharsets.UTF_8)
			.chars()
			.filter((c) -> Character.isISOControl(c) && c != '\n' && c != '\r')).isEmpty();
		assertThat(jsonStatus).isZero();
		assertThat(json.toString(StandardCharsets.UTF_8)).contains("\"verdict\" : \"COMPLIANT\"",
				"\"checkerVersion\" : \"" + LabelChecker.VERSION + "\"", "\"COMPLIANT\" : 1");
	}

	@Test
	void commandLineRefusesUnknownOptionsAndMissingFiles() {
		assertThat(LabelCheckCli.run("label-checker", new String[] {}, print(nowhere()), print(nowhere())))
			.isEqualTo(2);
		assertThat(LabelCheckCli.run("label-checker", new String[] { "--colour" }, print(nowhere()), print(nowhere())))
			.isEqualTo(2);
		assertThat(LabelCheckCli.run("label-checker", new String[] { "/no/such/file.png" }, print(nowhere()),
				print(nowhere())))
			.isEqualTo(2);
	}

	/** Makes the central directory claim 1,000 bytes unpacked for an entry. */
	private static void declareSmallSize(Path zip, String entry) throws IOException {
		byte[] bytes = Files.readAllBytes(zip);
		byte[] name = entry.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i + 46 + name.length <= bytes.length; i++) {
			if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2
					&& java.util.Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
				java.nio.ByteBuffer.wrap(bytes, i + 24, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(1000);
			}
		}
		Files.write(zip, bytes);
	}

	private Path write(String name, byte[] content) throws IOException {
		return Files.write(this.folder.resolve(name), content);
	}

	private static PrintStream print(OutputStream out) {
		return new PrintStream(out, true, StandardCharsets.UTF_8);
	}

	private static OutputStream nowhere() {
		return OutputStream.nullOutputStream();
	}

}
