package cn.qinglang.inspect.report.export;

import cn.qinglang.inspect.report.ReportProperties;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/**
 * The produced files, in the export folder under their export's id (never a name a user
 * chose). A file is written as {@code <id>.part}, hashed as it goes, and renamed once
 * complete, so that a half-written file is never offered.
 */
@Component
class ExportFiles {

	private static final String PART = ".part";

	private final Path dir;

	ExportFiles(ReportProperties properties) {
		this.dir = properties.exportDir();
	}

	/** The finished file of an export. */
	Path file(long id) {
		return this.dir.resolve(Long.toString(id));
	}

	/** Opens the part file of an export; {@link Writing#complete()} publishes it. */
	Writing write(long id) throws IOException {
		Files.createDirectories(this.dir);
		return new Writing(id);
	}

	void delete(long id) {
		try {
			Files.deleteIfExists(file(id));
			Files.deleteIfExists(part(id));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Part files left by a process that stopped while writing. */
	void deleteParts() {
		if (!Files.isDirectory(this.dir)) {
			return;
		}
		try (Stream<Path> files = Files.list(this.dir)) {
			for (Path part : files.filter((file) -> file.getFileName().toString().endsWith(PART)).toList()) {
				Files.deleteIfExists(part);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path part(long id) {
		return this.dir.resolve(id + PART);
	}

	/**
	 * A file being written: its stream counts nothing itself, the digest sees every byte.
	 */
	final class Writing implements AutoCloseable {

		private final long id;

		private final MessageDigest sha256;

		private final OutputStream out;

		private Writing(long id) throws IOException {
			this.id = id;
			try {
				this.sha256 = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("Every JVM has SHA-256", ex);
			}
			this.out = new DigestOutputStream(Files.newOutputStream(part(id)), this.sha256);
		}

		OutputStream out() {
			return this.out;
		}

		/** Closes the part file and gives it its final name. */
		Stored complete() throws IOException {
			this.out.close();
			Path done = Files.move(part(this.id), file(this.id), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
			return new Stored(Files.size(done), HexFormat.of().formatHex(this.sha256.digest()));
		}

		/** Closes the stream; a part file not completed is removed. */
		@Override
		public void close() throws IOException {
			this.out.close();
			Files.deleteIfExists(part(this.id));
		}

	}

	record Stored(long size, String sha256) {
	}

}
