package cn.qinglang.inspect.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.qinglang.inspect.files.Blobs;
import cn.qinglang.inspect.files.StoredBlob;
import cn.qinglang.inspect.system.RetryOnConflict;

/**
 * The produced files, kept in the database ({@link Blobs}) so that any node serves their
 * download; the export's row names its file by the SHA-256. A file is written to a local
 * part file first and kept only once complete, so that a half-written file is never
 * offered. A file and its export's reference to it are written, and let go of, in one
 * transaction, run again whole if it lost to another node's.
 */
@RetryOnConflict
@Component
class ExportFiles {

	private final Blobs blobs;

	private final ExportRepository repository;

	ExportFiles(Blobs blobs, ExportRepository repository) {
		this.blobs = blobs;
		this.repository = repository;
	}

	/** The finished file of that hash, if it is still kept. */
	Optional<Resource> file(String sha256) {
		return (sha256 != null) ? this.blobs.resource(sha256) : Optional.empty();
	}

	/** Opens a new part file; {@link Writing#keep()} keeps it. */
	Writing write() throws IOException {
		return new Writing(this.blobs.newTempFile("export-"));
	}

	/**
	 * Keeps a complete file in the database and marks its export done with it, if the
	 * export is still this node's; otherwise nothing is kept.
	 * @throws IllegalStateException when another node took the export over meanwhile
	 */
	@Transactional
	void keep(long id, String node, Writing file, Instant at) {
		StoredBlob stored = file.keep();
		if (!this.repository.done(id, node, stored.size(), stored.sha256(), at)) {
			throw new IllegalStateException("export " + id + " was taken over by another node");
		}
	}

	/**
	 * Marks a finished export expired and deletes its file, unless another export (or an
	 * evidence file) has the same content.
	 */
	@Transactional
	void expire(long id) {
		this.repository.expire(id).ifPresent(this.blobs::delete);
	}

	/** A file being written to its local part file. */
	final class Writing implements AutoCloseable {

		private final Path part;

		private final OutputStream out;

		private Writing(Path part) throws IOException {
			this.part = part;
			this.out = Files.newOutputStream(part);
		}

		OutputStream out() {
			return this.out;
		}

		/** Closes the part file and keeps it, its row in the caller's transaction. */
		private StoredBlob keep() {
			try {
				this.out.close();
				return ExportFiles.this.blobs.store(this.part);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** Closes the stream and removes the part file. */
		@Override
		public void close() {
			try {
				this.out.close();
				Files.deleteIfExists(this.part);
			}
			catch (IOException ex) {
				// a part file left behind is nobody's: the temporary folder keeps it
			}
		}

	}

}
