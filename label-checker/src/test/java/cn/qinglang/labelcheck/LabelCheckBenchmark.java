package cn.qinglang.labelcheck;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import cn.qinglang.labelcheck.cli.Batch;

/**
 * The Java half of {@code bash .ci/bench labelcheck [COUNT]}: {@code generate COUNT
 * FOLDER} makes COUNT (10,000) mixed samples with the corpus generator (seven in ten
 * images under 1 MB, the rest text, audio, video and documents; one in four with a
 * defect); {@code measure COUNT FOLDER} checks that they are all there, then checks them
 * with the checker's batch on every processor after a warm-up, as the command line does
 * but without the JVM's start. The script times the command line and exiftool on the same
 * folder.
 */
public final class LabelCheckBenchmark {

	private LabelCheckBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		boolean generate = args[0].equals("generate");
		int count = Integer.parseInt(args[1]);
		Path folder = Path.of(args[2]);
		Path images = folder.resolve("images");
		Path others = folder.resolve("others");
		if (generate) {
			long made = System.nanoTime();
			generate(count, images, others);
			System.out.printf("made %d samples (%d MB) in %.1f s%n", count, sizeOf(folder) / (1024 * 1024),
					(System.nanoTime() - made) / 1e9);
			return;
		}
		long samples = filesIn(images) + filesIn(others);
		require(count > 0 && samples == count,
				folder + " holds " + samples + " samples, not the " + count + " to be checked");

		int threads = Runtime.getRuntime().availableProcessors();
		LabelChecker checker = new LabelChecker(CheckOptions.defaults());
		// warm-up: the JIT compiles the readers before anything is timed
		Batch.check(checker, List.of(others), threads, (report) -> {
		});
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

		BatchSummary.Counter counter = new BatchSummary.Counter();
		long start = System.nanoTime();
		Batch.check(checker, List.of(folder), threads, counter::add);
		long end = System.nanoTime();

		BatchSummary summary = counter.summary();
		require(summary.files() == count, "the checker reported on " + summary.files() + " of " + count + " samples");
		double filesPerSecond = summary.files() / ((end - start) / 1e9);
		long peakHeapMb = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum() / (1024 * 1024);
		System.out.printf("in process: checked %d files on %d threads in %.1f s: %s%n", summary.files(), threads,
				(end - start) / 1e9, summary.byVerdict());
		System.out.printf("inprocess files_per_s=%.0f peak_heap_mb=%d files=%d%n", filesPerSecond, peakHeapMb,
				summary.files());
	}

	private static void require(boolean holds, String why) {
		if (!holds) {
			throw new IllegalStateException("benchmark premise failed: " + why);
		}
	}

	/**
	 * The samples, made again on each run so that the figures are of this checker's
	 * corpus.
	 */
	private static void generate(int count, Path images, Path others) throws IOException {
		for (Path folder : List.of(images, others)) {
			if (Files.exists(folder)) {
				try (Stream<Path> files = Files.list(folder)) {
					for (Path file : files.toList()) {
						Files.delete(file);
					}
				}
			}
			Files.createDirectories(folder);
		}
		Random random = new Random(20261123);
		byte[][] jpegs = { Samples.jpegBody(128, 128), Samples.jpegBody(320, 320), Samples.jpegBody(560, 560) };
		byte[][] pngs = { Samples.pngBody(64, 64), Samples.pngBody(240, 240), Samples.pngBody(500, 500) };
		byte[] pdf = Samples.pdf(Samples.PdfPlace.INFO, Samples.GOOD);
		byte[] docx = Samples.docx(Samples.DocxPlace.CUSTOM, Samples.GOOD);
		for (int i = 0; i < count; i++) {
			boolean defect = random.nextInt(4) == 0;
			String label = defect ? Samples.label("1", "", "QQ-" + i, "", "")
					: Samples.label("1", "913101150000000001", "QQ-" + i, "", "");
			int kind = random.nextInt(100);
			int size = random.nextInt(3);
			if (kind < 40) {
				write(images, i, "jpg",
						Samples.jpeg(defect ? Samples.JpegPlace.NONE : Samples.JpegPlace.XMP, label, jpegs[size]));
			}
			else if (kind < 65) {
				write(images, i, "png", Samples.png(pngs[size], Samples.pngText("AIGC", label)));
			}
			else if (kind < 70) {
				write(images, i, "webp", Samples.webp(Samples.xmp(label)));
			}
			else if (kind < 80) {
				write(others, i, "txt", (defect ? "今日天气晴。" : "【本内容由AI生成】今日天气晴。").repeat(1 + size * 50)
					.getBytes(StandardCharsets.UTF_8));
			}
			else if (kind < 85) {
				write(others, i, "wav",
						Samples.wav(Samples.riffChunk("AIGC", label.getBytes(StandardCharsets.US_ASCII))));
			}
			else if (kind < 90) {
				write(others, i, "mp3", Samples.mp3(Samples.id3UserText("AIGC", label)));
			}
			else if (kind < 95) {
				write(others, i, "mp4", Samples.mp4(Samples.Mp4Place.UDTA_META, label, 8 + 2048));
			}
			else if (kind < 98) {
				write(others, i, "pdf", pdf);
			}
			else {
				write(others, i, "docx", docx);
			}
		}
	}

	private static void write(Path folder, int i, String extension, byte[] content) throws IOException {
		Files.write(folder.resolve("%05d.%s".formatted(i, extension)), content);
	}

	private static long filesIn(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	private static long sizeOf(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> file.toFile().length()).sum();
		}
	}

}
