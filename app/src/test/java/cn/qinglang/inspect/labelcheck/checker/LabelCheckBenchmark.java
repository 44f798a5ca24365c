package cn.qinglang.inspect.labelcheck.checker;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import cn.qinglang.inspect.bench.BenchPremise;

/**
 * {@code bash .ci/bench labelcheck [COUNT]}: makes COUNT (10,000) mixed samples with the
 * corpus generator under {@code app/target/labelcheck-bench} (seven in ten images under 1
 * MB, the rest text, audio, video and documents; one in four with a defect), then checks
 * them with the checker alone on every processor, as the command line does. Prints the
 * throughput of the whole mix and of the images alone, and the peak heap.
 */
public final class LabelCheckBenchmark {

	private LabelCheckBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		Path folder = Path.of("app/target/labelcheck-bench");
		Path images = folder.resolve("images");
		Path others = folder.resolve("others");
		long made = System.nanoTime();
		generate(count, images, others);
		long samples = filesIn(images) + filesIn(others);
		BenchPremise.require(count > 0 && samples == count,
				folder + " holds " + samples + " samples, not the " + count + " to be checked");
		System.out.printf("made %d samples (%d MB) in %.1f s%n", count, sizeOf(folder) / (1024 * 1024),
				(System.nanoTime() - made) / 1e9);

		int threads = Runtime.getRuntime().availableProcessors();
		LabelChecker checker = new LabelChecker(CheckOptions.defaults());
		// warm-up: the JIT compiles the readers before anything is timed
		CheckCommand.checkAll(checker, List.of(others), threads);
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

		long start = System.nanoTime();
		List<SampleReport> imageReports = CheckCommand.checkAll(checker, List.of(images), threads);
		long imagesDone = System.nanoTime();
		List<SampleReport> otherReports = CheckCommand.checkAll(checker, List.of(others), threads);
		long end = System.nanoTime();

		List<SampleReport> all = new ArrayList<>(imageReports);
		all.addAll(otherReports);
		BenchPremise.require(all.size() == count,
				"the checker reported on " + all.size() + " of " + count + " samples");
		BatchSummary summary = BatchSummary.of(all);
		double imagesPerSecond = imageReports.size() / ((imagesDone - start) / 1e9);
		double filesPerSecond = all.size() / ((end - start) / 1e9);
		long peakHeapMb = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.mapToLong((pool) -> pool.getPeakUsage().getUsed())
			.sum() / (1024 * 1024);
		System.out.printf("checked %d files on %d threads in %.1f s: %s%n", all.size(), threads, (end - start) / 1e9,
				summary.byVerdict());
		System.out.printf("images under 1 MB: %d files, %.0f files/s%n", imageReports.size(), imagesPerSecond);
		System.out.printf("BENCH labelcheck files_per_s=%.0f images_files_per_s=%.0f peak_heap_mb=%d files=%d%n",
				filesPerSecond, imagesPerSecond, peakHeapMb, all.size());
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
