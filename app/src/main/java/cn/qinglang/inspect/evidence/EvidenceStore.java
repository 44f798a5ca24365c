package cn.qinglang.inspect.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.bouncycastle.crypto.digests.SM3Digest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

import cn.qinglang.inspect.system.RetryOnConflict;
import cn.qinglang.inspect.system.Upload;

/**
 * Keeps uploaded files by their SHA-256 under the store folder. A file is streamed once
 * into a part file beside the store, hashed as it goes, refused as soon as it is too
 * large, typed from its content, and only then moved to its final name; whatever is
 * refused leaves nothing behind.
 */
@RetryOnConflict
@Service
public class EvidenceStore {

	private static final String INCOMING = ".incoming";

	private final EvidenceProperties properties;

	private final JdbcClient jdbc;

	private final Tika tika = new Tika();

	EvidenceStore(EvidenceProperties properties, JdbcClient jdbc) {
		this.properties = properties;
		this.jdbc = jdbc;
	}

	/**
	 * Stores the non-empty files of an upload, or refuses them all: too many files, a bad
	 * name, an empty, oversized or disallowed file. Files stored before a refusal are
	 * removed again when the transaction rolls back.
	 */
	@Transactional
	public List<StoredUpload> storeUploads(List<Upload> uploads) {
		List<Upload> present = uploads.stream()
			.filter((upload) -> StringUtils.hasText(upload.name()) || !upload.isEmpty())
			.toList();
		if (present.size() > this.properties.maxFiles()) {
			throw new EvidenceRejectedException("evidence.tooMany", this.properties.maxFiles());
		}
		List<StoredUpload> stored = new ArrayList<>();
		for (Upload upload : present) {
			String name = FileNames.checked(upload.name());
			try (InputStream content = upload.open()) {
				stored.add(new StoredUpload(name, store(name, content)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return stored;
	}

	/**
	 * Stores a file, or throws {@link EvidenceRejectedException} saying why not.
	 * @param fileName the checked name (see {@link FileNames#checked}), a hint for the
	 * type only: the content decides
	 */
	@Transactional
	public StoredFile store(String fileName, InputStream content) {
		return store(fileName, content, this.properties.maxFileSize(), this.properties.allowedTypes()::contains);
	}

	/**
	 * Stores a sample taken from a service for a spot check: of any type, since it is
	 * kept as what the service delivered, never served to be rendered.
	 * @param maxSize the largest sample accepted
	 */
	@Transactional
	public StoredFile storeSample(String fileName, InputStream content, DataSize maxSize) {
		return store(fileName, content, maxSize, (type) -> true);
	}

	/** A new empty file in the store's folder for files on their way in. */
	public Path newPartFile() {
		try {
			return Files.createTempFile(Files.createDirectories(this.properties.storeDir().resolve(INCOMING)),
					"sample-", ".part");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private StoredFile store(String fileName, InputStream content, DataSize maxSize, Predicate<String> typeAllowed) {
		Path part = null;
		try {
			part = newPartFile();
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			SM3Digest sm3 = new SM3Digest();
			long size = copyHashing(content, part, sha256, sm3, maxSize);
			if (size == 0) {
				throw new EvidenceRejectedException("evidence.empty", fileName);
			}
			String type = detect(part, fileName);
			if (!typeAllowed.test(type)) {
				throw new EvidenceRejectedException("evidence.typeNotAllowed", fileName, type);
			}
			byte[] sm3Hash = new byte[sm3.getDigestSize()];
			sm3.doFinal(sm3Hash, 0);
			String sha256Hex = HexFormat.of().formatHex(sha256.digest());
			Path target = path(sha256Hex);
			if (!Files.exists(target)) {
				Files.createDirectories(target.getParent());
				Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
				removeOnRollback(target);
			}
			return record(sha256Hex, HexFormat.of().formatHex(sm3Hash), size, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
		finally {
			deleteQuietly(part);
		}
	}

	public Optional<StoredFile> find(long id) {
		return this.jdbc.sql("SELECT id, sha256, sm3, size_bytes, content_type FROM file_object WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> new StoredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5)))
			.optional();
	}

	/**
	 * Where a file of that hash is (or would be) kept: two levels of folders by prefix.
	 */
	public Path path(String sha256) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a SHA-256: " + sha256);
		}
		return this.properties.storeDir()
			.resolve(sha256.substring(0, 2))
			.resolve(sha256.substring(2, 4))
			.resolve(sha256);
	}

	public EvidenceProperties limits() {
		return this.properties;
	}

	private long copyHashing(InputStream content, Path part, MessageDigest sha256, SM3Digest sm3, DataSize maxSize)
			throws IOException {
		long max = maxSize.toBytes();
		long size = 0;
		byte[] buffer = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(part)) {
			int read;
			while ((read = content.read(buffer)) > 0) {
				size += read;
				if (size > max) {
					throw new EvidenceRejectedException("evidence.tooLarge", maxSize.toMegabytes());
				}
				sha256.update(buffer, 0, read);
				sm3.update(buffer, 0, read);
				out.write(buffer, 0, read);
			}
		}
		return size;
	}

	private String detect(Path part, String fileName) throws IOException {
		Metadata metadata = new Metadata();
		metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
		try (TikaInputStream stream = TikaInputStream.get(part)) {
			return this.tika.getDetector().detect(stream, metadata).getBaseType().toString();
		}
	}

	private StoredFile record(String sha256, String sm3, long size, String type) {
		this.jdbc.sql("""
				INSERT INTO file_object (sha256, sm3, size_bytes, content_type) VALUES (:sha256, :sm3, :size, :type)
				ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)""")
			.param("sha256", sha256)
			.param("sm3", sm3)
			.param("size", size)
			.param("type", type)
			.update();
		long id = this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
		return new StoredFile(id, sha256, sm3, size, type);
	}

	/**
	 * A file new to the store whose row is rolled back would be referenced by nothing.
	 */
	private static void removeOnRollback(Path target) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_ROLLED_BACK) {
						deleteQuietly(target);
					}
				}
			});
		}
	}

	private static void deleteQuietly(Path part) {
		if (part != null) {
			try {
				Files.deleteIfExists(part);
			}
			catch (IOException ex) {
				// nothing more to do: a stray file is never served, only recorded hashes
				// are
			}
		}
	}

}
