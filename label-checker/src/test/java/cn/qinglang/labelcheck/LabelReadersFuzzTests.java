package cn.qinglang.labelcheck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input tried by machine on the label checker's format readers: labelled samples of
 * every format, mutated at random where binary formats are fragile (lengths and offsets
 * set to extremes, bytes flipped, pieces cut, repeated or cut short), each read by its
 * format's reader directly. Properties: the reader ends normally or with its own error
 * ({@link SampleException}, or an {@link IOException}), never another exception (which
 * the checker would only hide as "damaged"); nothing extracted is larger than the
 * metadata limit; the whole check gives every input a verdict.
 * <p>
 * Tries and seed as in the feeds' fuzz tests ({@code qinglang.fuzz.tries},
 * {@code qinglang.fuzz.seed}); counts go to {@code target/fuzz/labelcheck.txt} for
 * {@code bash .ci/bench fuzz}.
 */
class LabelReadersFuzzTests {

	private static final int METADATA_LIMIT = 64 * 1024;

	private static final CheckOptions OPTIONS = new CheckOptions(false, CheckOptions.DEFAULT_MAX_FILE_SIZE,
			METADATA_LIMIT);

	private static final int[] EXTREMES = { 0, 1, 7, 8, 0x7F, 0xFF, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
			0xFFFFFFF0 };

	@TempDir
	Path folder;

	@Test
	void everyFormatReaderEndsOrRefusesWithItsOwnError() throws IOException {
		List<Seed> seeds = seeds();
		int tries = Integer.getInteger("qinglang.fuzz.tries", 300);
		long seed = Long.getLong("qinglang.fuzz.seed", 14L);
		Random random = new Random(seed);
		LabelChecker checker = new LabelChecker(OPTIONS);
		Path file = this.folder.resolve("sample");
		int failures = 0;
		String firstFailure = null;
		for (int i = 0; i < tries; i++) {
			Seed chosen = seeds.get(random.nextInt(seeds.size()));
			byte[] input = chosen.bytes();
			for (int round = 1 + random.nextInt(3); round > 0; round--) {
				input = mutate(input, random);
			}
			Files.write(file, input);
			String failure = failure(chosen.format(), file, checker);
			if (failure != null) {
				failures++;
				if (firstFailure == null) {
					Path kept = Files.createDirectories(Path.of("target", "fuzz"))
						.resolve("labelcheck-failure." + chosen.format().name().toLowerCase(java.util.Locale.ROOT));
					Files.write(kept, input);
					firstFailure = chosen.format() + " input " + i + " of seed " + seed + " (kept in " + kept + "): "
							+ failure;
				}
			}
		}
		Files.createDirectories(Path.of("target", "fuzz"));
		Files.writeString(Path.of("target", "fuzz", "labelcheck.txt"),
				"inputs=" + tries + " failures=" + failures + " seed=" + seed + "\n");
		assertThat(firstFailure).as("first failure of %d", failures).isNull();
	}

	@Test
	void mp4KeyWhoseSizeOverflowsIsDamagedNotACrash() throws IOException {
		// found by the fuzzer (bash .ci/bench fuzz, seed 1796286995): the key's size
		// added
		// to its position passed the end of an int and the check let it through
		byte[] mp4 = Samples.mp4(Samples.Mp4Place.MOOV_META, Samples.GOOD, 8 + 256);
		ByteBuffer.wrap(mp4, indexOf(mp4, "keys") + 12, 4).putInt(0x7FFFFFF8);

		assertThat(
				failure(SampleFormat.MP4, Files.write(this.folder.resolve("keys.mp4"), mp4), new LabelChecker(OPTIONS)))
			.isNull();
	}

	@Test
	void mp4BoxWhose64BitSizeOverflowsIsDamagedNotACrash() throws IOException {
		byte[] mp4 = Samples.mp4(Samples.Mp4Place.MOOV_META, Samples.GOOD, 8 + 256);
		int moov = indexOf(mp4, "moov");
		ByteBuffer.wrap(mp4, moov - 4, 16).putInt(1).position(moov - 4 + 8).putLong(0x7FFFFFFFFFFFFFF0L);

		assertThat(failure(SampleFormat.MP4, Files.write(this.folder.resolve("large.mp4"), mp4),
				new LabelChecker(OPTIONS)))
			.isNull();
	}

	private static int indexOf(byte[] bytes, String ascii) {
		byte[] wanted = ascii.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i + wanted.length <= bytes.length; i++) {
			if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
				return i;
			}
		}
		throw new IllegalArgumentException(ascii + " not found");
	}

	/** What is wrong with reading this input, or null. */
	private static String failure(SampleFormat format, Path file, LabelChecker checker) {
		Extraction x = new Extraction(OPTIONS);
		try (SampleFile sample = SampleFile.open(file, METADATA_LIMIT)) {
			LabelChecker.read(format, null, file, sample, x);
		}
		catch (SampleException | IOException ex) {
			// the reader's own refusal
		}
		catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
			return format + " reader threw " + ex + " at " + Arrays.toString(Arrays.copyOf(ex.getStackTrace(), 3));
		}
		for (Extraction.Field field : x.fields()) {
			if (field.value() != null && field.value().length() > METADATA_LIMIT) {
				return format + " extracted " + field.value().length() + " characters at " + field.location();
			}
		}
		SampleReport report = checker.check(file);
		return (report.verdict() != null) ? null : "no verdict";
	}

	/** One mutation, chosen where binary formats break: lengths, offsets, the end. */
	private static byte[] mutate(byte[] input, Random random) {
		if (input.length < 8) {
			return Arrays.copyOf(input, input.length + 1 + random.nextInt(8));
		}
		byte[] out = input.clone();
		int at = random.nextInt(input.length - 4);
		switch (random.nextInt(7)) {
			case 0 -> ByteBuffer.wrap(out, at, 4).putInt(EXTREMES[random.nextInt(EXTREMES.length)]);
			case 1 -> ByteBuffer.wrap(out, at, 4)
				.order(java.nio.ByteOrder.LITTLE_ENDIAN)
				.putInt(EXTREMES[random.nextInt(EXTREMES.length)]);
			case 2 -> out[at] ^= (byte) (1 << random.nextInt(8));
			case 3 -> out = Arrays.copyOf(input, at + 1);
			case 4 -> {
				int length = 1 + random.nextInt(Math.min(256, input.length - at));
				out = new byte[input.length + length];
				System.arraycopy(input, 0, out, 0, at + length);
				System.arraycopy(input, at, out, at + length, input.length - at);
			}
			case 5 -> {
				int length = 1 + random.nextInt(Math.min(256, input.length - at));
				out = new byte[input.length - length];
				System.arraycopy(input, 0, out, 0, at);
				System.arraycopy(input, at + length, out, at, input.length - at - length);
			}
			default -> ByteBuffer.wrap(out, at, 2).putShort((short) EXTREMES[random.nextInt(EXTREMES.length)]);
		}
		return out;
	}

	private static List<Seed> seeds() {
		String good = Samples.GOOD;
		return List.of(new Seed(SampleFormat.JPEG, Samples.jpeg(Samples.JpegPlace.XMP, good, Samples.jpegBody(8, 8))),
				new Seed(SampleFormat.JPEG,
						Samples.jpeg(Samples.JpegPlace.EXIF_USER_COMMENT, good, Samples.jpegBody(8, 8),
								Samples.jpegJumbfSegment(Samples.c2pa("trainedAlgorithmicMedia")))),
				new Seed(SampleFormat.PNG,
						Samples.png(Samples.pngBody(8, 8), Samples.pngText("AIGC", good),
								Samples.pngInternationalText("XML:com.adobe.xmp",
										new String(Samples.xmp(good), StandardCharsets.UTF_8), true))),
				new Seed(SampleFormat.PNG, Samples.png(Samples.pngBody(4, 4), Samples.pngCompressedText("AIGC", good))),
				new Seed(SampleFormat.WEBP, Samples.webp(Samples.xmp(good))),
				new Seed(SampleFormat.WAV,
						Samples.wav(Samples.riffChunk("AIGC", good.getBytes(StandardCharsets.US_ASCII)),
								Samples.riffInfo("ICMT", good))),
				new Seed(SampleFormat.MP3, Samples.mp3(Samples.id3UserText("AIGC", good), Samples.id3Comment(good))),
				new Seed(SampleFormat.MP4, Samples.mp4(Samples.Mp4Place.UDTA_META, good, 8 + 256)),
				new Seed(SampleFormat.MP4, Samples.mp4(Samples.Mp4Place.MOOV_META, good, 8 + 256)),
				new Seed(SampleFormat.PDF, Samples.pdf(Samples.PdfPlace.INFO, good)),
				new Seed(SampleFormat.OOXML, Samples.docx(Samples.DocxPlace.CUSTOM, good)),
				new Seed(SampleFormat.TEXT, Samples.text("AI生成 " + good, StandardCharsets.UTF_8)));
	}

	/** A valid sample and the format whose reader it is for. */
	private record Seed(SampleFormat format, byte[] bytes) {
	}

}
