package cn.qinglang.inspect.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.bouncycastle.crypto.digests.SM3Digest;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Keeps files in the database by their SHA-256. Content is first streamed to a local
 * temporary file, hashed (SHA-256 and SM3) and refused as soon as it is too large, so
 * that its receiver can look at it ({@link Incoming#file()}) before it is kept; then its
 * chunks are written, each in a transaction of its own, and last the file's row, in the
 * caller's transaction, which the caller's rows referring to it join: both commit, or
 * neither does and the chunks are deleted again. Content already kept is not written
 * twice.
 */
@Service
public class Blobs {

	private static final int BUFFER = 64 * 1024;

	private static final DataSize UNLIMITED = DataSize.ofBytes(Long.MAX_VALUE);

	private final JdbcClient jdbc;

	private final Chunks chunks;

	private final FilesProperties properties;

	Blobs(JdbcClient jdbc, Chunks chunks, FilesProperties properties) {
		this.jdbc = jdbc;
		this.chunks = chunks;
		this.properties = properties;
	}

	/**
	 * Receives content into a local temporary file, hashing it; nothing is kept until
	 * {@link Incoming#store()}. Close it (try-with-resources) to delete the file.
	 * @param max the largest content accepted
	 * @throws BlobTooLargeException as soon as more than {@code max} has come (the rest
	 * is not read)
	 */
	public Incoming receive(InputStream content, DataSize max) throws IOException {
		Path file = newTempFile("incoming-");
		try {
			StoredBlob blob;
			try (OutputStream out = Files.newOutputStream(file)) {
				blob = hash(content, out, max);
			}
			return new Incoming(file, blob);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	/**
	 * Keeps content: {@link #receive} and {@link Incoming#store()} in one.
	 * @throws BlobTooLargeException when it is larger than {@code max}
	 */
	public StoredBlob store(InputStream content, DataSize max) throws IOException {
		try (Incoming incoming = receive(content, max)) {
			return incoming.store();
		}
	}

	/**
	 * Keeps a local file that the caller wrote (and deletes afterwards), without a copy;
	 * its row in the caller's transaction.
	 */
	public StoredBlob store(Path file) throws IOException {
		try (InputStream content = Files.newInputStream(file)) {
			return keep(file, hash(content, OutputStream.nullOutputStream(), UNLIMITED));
		}
	}

	public Optional<StoredBlob> find(String sha256) {
		return this.jdbc.sql("SELECT sha256, sm3, size FROM stored_blob WHERE sha256 = :sha256")
			.param("sha256", sha256)
			.query((rs, row) -> new StoredBlob(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.optional();
	}

	public boolean exists(String sha256) {
		return find(sha256).isPresent();
	}

	/**
	 * The file's bytes, read chunk by chunk as the stream is read.
	 * @throws NoSuchFileException if no file of that hash is kept
	 */
	public InputStream open(String sha256) throws NoSuchFileException {
		return this.jdbc.sql("SELECT chunk_set, chunks, size FROM stored_blob WHERE sha256 = :sha256")
			.param("sha256", sha256)
			.query((rs, row) -> new ChunkInputStream(this.chunks, sha256, rs.getBytes(1), rs.getInt(2), rs.getLong(3)))
			.optional()
			.orElseThrow(() -> new NoSuchFileException("stored file " + sha256));
	}

	/**
	 * The file as a resource of its size for a download, read when it is sent; empty if
	 * no file of that hash is kept.
	 */
	public Optional<Resource> resource(String sha256) {
		return find(sha256).map((blob) -> new AbstractResource() {

			@Override
			public InputStream getInputStream() throws IOException {
				return open(blob.sha256());
			}

			@Override
			public long contentLength() {
				return blob.size();
			}

			@Override
			public boolean exists() {
				return true;
			}

			@Override
			public String getDescription() {
				return "stored file " + blob.sha256();
			}

		});
	}

	/**
	 * Deletes a file that nothing refers to any longer, as part of the caller's
	 * transaction (in which the caller let go of it); its chunks go once that commits.
	 * Evidence never calls it.
	 * @return false if something still refers to the file, which is then kept
	 */
	public boolean delete(String sha256) {
		Optional<byte[]> chunkSet = this.jdbc.sql("SELECT chunk_set FROM stored_blob WHERE sha256 = :sha256")
			.param("sha256", sha256)
			.query((rs, row) -> rs.getBytes(1))
			.optional();
		if (chunkSet.isEmpty()) {
			return true;
		}
		try {
			this.jdbc.sql("DELETE FROM stored_blob WHERE sha256 = :sha256").param("sha256", sha256).update();
		}
		catch (DataIntegrityViolationException ex) {
			// a foreign key of a row that refers to it (another export of the same
			// content, an evidence file): only that statement failed
			return false;
		}
		afterCommit(() -> this.chunks.delete(chunkSet.get()));
		return true;
	}

	/** A new empty file in the folder for files on their way in or out (local). */
	public Path newTempFile(String prefix) {
		try {
			Path dir = this.properties.tempDir();
			return (dir != null) ? Files.createTempFile(Files.createDirectories(dir), prefix, ".part")
					: Files.createTempFile(prefix, ".part");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Hashes the content as it copies it, refusing it past {@code max} bytes. */
	private static StoredBlob hash(InputStream content, OutputStream out, DataSize max) throws IOException {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
		SM3Digest sm3 = new SM3Digest();
		long size = 0;
		byte[] buffer = new byte[BUFFER];
		for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
			size += read;
			if (size > max.toBytes()) {
				throw new BlobTooLargeException(max);
			}
			sha256.update(buffer, 0, read);
			sm3.update(buffer, 0, read);
			out.write(buffer, 0, read);
		}
		byte[] sm3Hash = new byte[sm3.getDigestSize()];
		sm3.doFinal(sm3Hash, 0);
		return new StoredBlob(HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(sm3Hash), size);
	}

	private StoredBlob keep(Path file, StoredBlob blob) throws IOException {
		// a plain read first: a locking read of a row that is not there locks the gap,
		// and
		// two uploads that did so at once would deadlock on their inserts
		if (find(blob.sha256()).isPresent() && holdKept(blob)) {
			return blob;
		}
		byte[] chunkSet = newChunkSet();
		int count = this.chunks.write(chunkSet, file);
		int inserted = this.jdbc.sql("""
				INSERT IGNORE INTO stored_blob (sha256, sm3, size, chunks, chunk_set, created_at)
				VALUES (:sha256, :sm3, :size, :chunks, :set, UTC_TIMESTAMP(6))""")
			.param("sha256", blob.sha256())
			.param("sm3", blob.sm3())
			.param("size", blob.size())
			.param("chunks", count)
			.param("set", chunkSet)
			.update();
		if (inserted == 1) {
			afterRollback(() -> this.chunks.delete(chunkSet));
			return blob;
		}
		// the same content was kept meanwhile by another upload: that one's chunks serve
		afterCompletion(() -> this.chunks.delete(chunkSet));
		if (!holdKept(blob)) {
			throw new IllegalStateException("stored file " + blob.sha256() + " was deleted while it was stored again");
		}
		return blob;
	}

	/**
	 * Locks the kept file's row (shared) until the caller's transaction ends, so that no
	 * delete on this node takes it meanwhile (a delete on another node fails Galera's
	 * certification against the caller's reference).
	 * @return false if it is not kept (any more)
	 */
	private boolean holdKept(StoredBlob blob) {
		Optional<StoredBlob> kept = this.jdbc
			.sql("SELECT sha256, sm3, size FROM stored_blob WHERE sha256 = :sha256 LOCK IN SHARE MODE")
			.param("sha256", blob.sha256())
			.query((rs, row) -> new StoredBlob(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.optional();
		if (kept.isPresent() && !kept.get().equals(blob)) {
			throw new IllegalStateException("stored file " + blob.sha256() + " has another SM3 or size than "
					+ "the content of that SHA-256: the database was changed");
		}
		return kept.isPresent();
	}

	private static byte[] newChunkSet() {
		UUID random = UUID.randomUUID();
		return ByteBuffer.allocate(16)
			.putLong(random.getMostSignificantBits())
			.putLong(random.getLeastSignificantBits())
			.array();
	}

	private static void afterCommit(Runnable action) {
		whenCompleted(action, TransactionSynchronization.STATUS_COMMITTED, true);
	}

	private static void afterRollback(Runnable action) {
		whenCompleted(action, TransactionSynchronization.STATUS_ROLLED_BACK, false);
	}

	private static void afterCompletion(Runnable action) {
		whenCompleted(action, -1, true);
	}

	/**
	 * Runs the action once the caller's transaction has ended with that status (-1: any),
	 * or now (if {@code now}) when there is no transaction.
	 */
	private static void whenCompleted(Runnable action, int wanted, boolean now) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			if (now) {
				action.run();
			}
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (wanted == -1 || status == wanted) {
					action.run();
				}
			}
		});
	}

	/**
	 * Content received and hashed, in a local temporary file until it is closed.
	 */
	public final class Incoming implements AutoCloseable {

		private final Path file;

		private final StoredBlob blob;

		private Incoming(Path file, StoredBlob blob) {
			this.file = file;
			this.blob = blob;
		}

		/** The local copy, to be looked at (typed, checked) before it is kept. */
		public Path file() {
			return this.file;
		}

		public String sha256() {
			return this.blob.sha256();
		}

		public String sm3() {
			return this.blob.sm3();
		}

		public long size() {
			return this.blob.size();
		}

		/** Keeps the content in the database, its row in the caller's transaction. */
		public StoredBlob store() throws IOException {
			return keep(this.file, this.blob);
		}

		@Override
		public void close() throws IOException {
			Files.deleteIfExists(this.file);
		}

	}

}
