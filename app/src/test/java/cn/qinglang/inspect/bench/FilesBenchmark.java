package cn.qinglang.inspect.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import cn.qinglang.inspect.files.Blobs;
import cn.qinglang.inspect.files.StoredBlob;
import cn.qinglang.inspect.support.Hashes;

/**
 * {@code bash .ci/bench files}: COUNT (20) files of SIZE (10) MB of random bytes kept in
 * the database through {@link Blobs} (hashed with SHA-256 and SM3 on the way in, written
 * in chunks each in a transaction of its own) on the embedded MariaDB of a fresh portal,
 * then read back chunk by chunk; and the same files copied into and read from a plain
 * local folder ({@code Files.copy}), the reference. The premise, checked first on one
 * file and then on all: what is read back is the same bytes, with the SHA-256 and SM3 of
 * the source. MB here are 2^20 bytes. Arguments: count, size in MB, the data folder.
 */
public final class FilesBenchmark {

	private static final int MB = 1024 * 1024;

	private FilesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		int sizeMb = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		Path folder = Path.of((args.length > 2) ? args[2] : "target/bench-files");
		List<Path> sources = generate(folder.resolve("sources"), count, sizeMb);
		List<String> hashes = new ArrayList<>();
		for (Path source : sources) {
			hashes.add(hashes(source));
		}
		// no warm-up in the background of the timed part
		try (ConfigurableApplicationContext context = BenchApplication.start(folder.toString(),
				"--qinglang.files.temp-dir=" + folder.resolve("tmp"), "--qinglang.reports.warm-up=false",
				"--qinglang.dashboard.warm-up=false")) {
			Blobs blobs = context.getBean(Blobs.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			Path copies = Files.createDirectories(folder.resolve("copies"));
			for (String source : hashes) {
				BenchPremise.require(!blobs.exists(source.split(" ")[0]),
						"a file to store is in the database already: its write would not be timed");
			}
			premise(blobs, sources.get(0), hashes.get(0), copies);
			settle(jdbc);

			long start = System.nanoTime();
			List<StoredBlob> stored = new ArrayList<>();
			for (Path source : sources) {
				try (InputStream content = Files.newInputStream(source)) {
					stored.add(blobs.store(content, DataSize.ofMegabytes(sizeMb)));
				}
			}
			double dbWrite = seconds(start);
			start = System.nanoTime();
			for (StoredBlob blob : stored) {
				try (InputStream content = blobs.open(blob.sha256())) {
					content.transferTo(OutputStream.nullOutputStream());
				}
			}
			double dbRead = seconds(start);
			start = System.nanoTime();
			for (Path source : sources) {
				Files.copy(source, copies.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
			double folderWrite = seconds(start);
			start = System.nanoTime();
			for (Path source : sources) {
				Files.copy(copies.resolve(source.getFileName()), OutputStream.nullOutputStream());
			}
			double folderRead = seconds(start);

			for (int i = 0; i < count; i++) {
				BenchPremise.require(
						(stored.get(i).sha256() + " " + stored.get(i).sm3()).equals(hashes.get(i))
								&& readBack(blobs, stored.get(i).sha256()).equals(hashes.get(i))
								&& hashes(copies.resolve(sources.get(i).getFileName())).equals(hashes.get(i)),
						"file " + i + " read back is not the file stored");
			}
			long chunks = jdbc.sql("SELECT SUM(chunks) FROM stored_blob WHERE sha256 IN (:stored)")
				.param("stored", stored.stream().map(StoredBlob::sha256).toList())
				.query(Long.class)
				.single();
			BenchPremise.require(chunks == (long) count * sizeMb,
					chunks + " chunks in the database, not one per MB of the files");
			// gone again, so that another run on the same database times the writes again
			stored.forEach((blob) -> blobs.delete(blob.sha256()));
			double total = (double) count * sizeMb;
			System.out.printf(Locale.ROOT,
					"files: %d files of %d MB (%d chunks in the database): database write %.1f s, read %.1f s; "
							+ "folder write %.1f s, read %.1f s%n",
					count, sizeMb, chunks, dbWrite, dbRead, folderWrite, folderRead);
			System.out.printf(Locale.ROOT,
					"BENCH files db_write_mb_per_s=%.0f db_read_mb_per_s=%.0f folder_write_mb_per_s=%.0f "
							+ "folder_read_mb_per_s=%.0f size_mb=%.0f%n",
					total / dbWrite, total / dbRead, total / folderWrite, total / folderRead, total);
		}
	}

	/**
	 * One file through both ways, checked before anything is timed (and then forgotten).
	 */
	private static void premise(Blobs blobs, Path source, String hashes, Path copies) throws IOException {
		StoredBlob blob;
		try (InputStream content = Files.newInputStream(source)) {
			blob = blobs.store(content, DataSize.ofBytes(Files.size(source)));
		}
		BenchPremise.require((blob.sha256() + " " + blob.sm3()).equals(hashes),
				"the stored file's hashes are not the source's");
		BenchPremise.require(readBack(blobs, blob.sha256()).equals(hashes), "the stored file reads back other bytes");
		Path copy = Files.copy(source, copies.resolve("premise"), StandardCopyOption.REPLACE_EXISTING);
		BenchPremise.require(hashes(copy).equals(hashes), "the folder's copy is not the source");
		Files.delete(copy);
		BenchPremise.require(blobs.delete(blob.sha256()), "the premise's file could not be deleted");
	}

	/**
	 * Waits (at most a minute) while InnoDB writes back what the fresh database's change
	 * sets and demo data left in its buffer pool, until its dirty pages stop falling, so
	 * that their write-back is not timed with the files.
	 */
	private static void settle(JdbcClient jdbc) throws InterruptedException {
		long start = System.nanoTime();
		double before;
		double dirty = dirtyPercent(jdbc);
		do {
			before = dirty;
			Thread.sleep(5000);
			dirty = dirtyPercent(jdbc);
		}
		while (dirty < before - 0.1 && seconds(start) < 60);
		System.out.printf(Locale.ROOT,
				"files: %.0f s for the database's start to settle (%.1f %% of its pages dirty)%n", seconds(start),
				dirty);
	}

	private static double dirtyPercent(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT 100 * MAX(IF(VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_DIRTY', VARIABLE_VALUE, 0))
				  / MAX(IF(VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_TOTAL', VARIABLE_VALUE, 0))
				FROM information_schema.GLOBAL_STATUS""").query(Double.class).single();
	}

	private static List<Path> generate(Path folder, int count, int sizeMb) throws IOException {
		Files.createDirectories(folder);
		Random random = new Random(20261205);
		byte[] buffer = new byte[MB];
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Path file = folder.resolve("file-" + i);
			try (OutputStream out = Files.newOutputStream(file)) {
				for (int mb = 0; mb < sizeMb; mb++) {
					random.nextBytes(buffer);
					out.write(buffer);
				}
			}
			files.add(file);
		}
		return files;
	}

	private static String readBack(Blobs blobs, String sha256) throws IOException {
		try (InputStream content = blobs.open(sha256)) {
			return Hashes.both(content);
		}
	}

	private static String hashes(Path file) throws IOException {
		try (InputStream content = Files.newInputStream(file)) {
			return Hashes.both(content);
		}
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
