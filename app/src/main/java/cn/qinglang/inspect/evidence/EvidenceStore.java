package cn.qinglang.inspect.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

import cn.qinglang.inspect.files.BlobTooLargeException;
import cn.qinglang.inspect.files.Blobs;
import cn.qinglang.inspect.files.StoredBlob;
import cn.qinglang.inspect.system.RetryOnConflict;
import cn.qinglang.inspect.system.Upload;

/**
 * Keeps uploaded files in the database by their SHA-256 ({@link Blobs}), so that every
 * node of a cluster serves them. A file is streamed once into a local temporary file,
 * hashed as it goes, refused as soon as it is too large, typed from its content, and only
 * then kept; whatever is refused leaves nothing behind.
 */
@RetryOnConflict
@Service
public class EvidenceStore {

	private final EvidenceProperties properties;

	private final JdbcClient jdbc;

	private final Blobs blobs;

	private final Tika tika = new Tika();

	EvidenceStore(EvidenceProperties properties, JdbcClient jdbc, Blobs blobs) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.blobs = blobs;
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

	/** A new empty local file for a file on its way in. */
	public Path newPartFile() {
		return this.blobs.newTempFile("sample-");
	}

	private StoredFile store(String fileName, InputStream content, DataSize maxSize, Predicate<String> typeAllowed) {
		try (Blobs.Incoming incoming = this.blobs.receive(content, maxSize)) {
			if (incoming.size() == 0) {
				throw new EvidenceRejectedException("evidence.empty", fileName);
			}
			String type = detect(incoming.file(), fileName);
			if (!typeAllowed.test(type)) {
				throw new EvidenceRejectedException("evidence.typeNotAllowed", fileName, type);
			}
			return record(incoming.store(), type);
		}
		catch (BlobTooLargeException ex) {
			throw new EvidenceRejectedException("evidence.tooLarge", maxSize.toMegabytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
	 * A stored file's content, for a download of its size; empty if it is missing (a file
	 * of an earlier version not found in its folder).
	 */
	public Optional<Resource> content(StoredFile file) {
		return this.blobs.resource(file.sha256());
	}

	public EvidenceProperties limits() {
		return this.properties;
	}

	private String detect(Path part, String fileName) throws IOException {
		Metadata metadata = new Metadata();
		metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
		try (TikaInputStream stream = TikaInputStream.get(part)) {
			return this.tika.getDetector().detect(stream, metadata).getBaseType().toString();
		}
	}

	private StoredFile record(StoredBlob blob, String type) {
		this.jdbc.sql("""
				INSERT INTO file_object (sha256, sm3, size_bytes, content_type) VALUES (:sha256, :sm3, :size, :type)
				ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)""")
			.param("sha256", blob.sha256())
			.param("sm3", blob.sm3())
			.param("size", blob.size())
			.param("type", type)
			.update();
		long id = this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
		return new StoredFile(id, blob.sha256(), blob.sm3(), blob.size(), type);
	}

}
