package cn.qinglang.batch.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The host's upload store for the job's tests: a file stays where the test wrote it, and
 * is held as the portal holds it, by a row of {@code stored_blob} named by its SHA-256
 * (the run's foreign key wants one), without chunks. Deleting the file deletes the row
 * unless another run holds it.
 */
class TestUploads implements UploadStore {

	private final JdbcClient jdbc;

	private final Map<String, Path> files = new ConcurrentHashMap<>();

	TestUploads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the file for a run: its SHA-256. */
	String keep(Path file) throws IOException {
		String sha256 = sha256(Files.readAllBytes(file));
		UUID set = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT IGNORE INTO stored_blob (sha256, sm3, size, chunks, chunk_set, created_at)
				VALUES (:sha256, :sha256, :size, 0, UNHEX(:set), UTC_TIMESTAMP(6))""")
			.param("sha256", sha256)
			.param("size", Files.size(file))
			.param("set", set.toString().replace("-", ""))
			.update();
		this.files.put(sha256, file);
		return sha256;
	}

	/** Whether the file is still kept. */
	boolean kept(String sha256) {
		return this.jdbc.sql("SELECT COUNT(*) FROM stored_blob WHERE sha256 = :sha256")
			.param("sha256", sha256)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public Path copyToLocal(String sha256) throws IOException {
		Path copy = Files.createTempFile("test-upload-", ".part");
		Files.copy(this.files.get(sha256), copy, StandardCopyOption.REPLACE_EXISTING);
		return copy;
	}

	@Override
	public void delete(String sha256) {
		try {
			this.jdbc.sql("DELETE FROM stored_blob WHERE sha256 = :sha256").param("sha256", sha256).update();
		}
		catch (DataIntegrityViolationException ex) {
			// another run holds it
		}
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
