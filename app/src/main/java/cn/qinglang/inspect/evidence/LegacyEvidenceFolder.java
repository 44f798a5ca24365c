package cn.qinglang.inspect.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import cn.qinglang.inspect.files.Blobs;

/**
 * Moves into the database the files that an earlier version kept in the folder
 * {@code qinglang.evidence.store-dir} (under {@code ab/cd/<sha256>}): at each start that
 * finds the folder, every file of a {@code file_object} row not yet in the database is
 * read from there, checked against both of its row's hashes and kept. Files already moved
 * are passed over, so a start cut short goes on at the next; a file missing or changed on
 * disk is logged and left out (its download answers 404). The folder is only read: once
 * the log says that every file is in, it can be deleted.
 */
@Component
class LegacyEvidenceFolder {

	private static final Logger log = LoggerFactory.getLogger(LegacyEvidenceFolder.class);

	private static final int PAGE = 500;

	private final JdbcClient jdbc;

	private final Blobs blobs;

	private final EvidenceProperties properties;

	LegacyEvidenceFolder(JdbcClient jdbc, Blobs blobs, EvidenceProperties properties) {
		this.jdbc = jdbc;
		this.blobs = blobs;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartup() {
		if (Files.isDirectory(this.properties.storeDir())) {
			moveIntoDatabase(this.properties.storeDir());
		}
	}

	/**
	 * @return how many files were moved now
	 */
	int moveIntoDatabase(Path folder) {
		int moved = 0;
		int left = 0;
		long after = 0;
		for (List<Row> page = page(after); !page.isEmpty(); page = page(after)) {
			for (Row row : page) {
				if (this.blobs.exists(row.sha256())) {
					continue;
				}
				if (move(folder, row)) {
					moved++;
				}
				else {
					left++;
				}
			}
			after = page.get(page.size() - 1).id();
		}
		if (moved > 0 || left > 0) {
			log.info("{} evidence files moved from {} into the database, {} left out (see above)", moved,
					folder.toAbsolutePath(), left);
		}
		if (left == 0) {
			log.info("Every evidence file is in the database: the folder {} is no longer read and can be deleted",
					folder.toAbsolutePath());
		}
		return moved;
	}

	private boolean move(Path folder, Row row) {
		Path file = folder.resolve(row.sha256().substring(0, 2))
			.resolve(row.sha256().substring(2, 4))
			.resolve(row.sha256());
		if (!Files.isRegularFile(file)) {
			log.error("Evidence file {} (file_object {}) is not in {}: it cannot be moved into the database",
					row.sha256(), row.id(), folder.toAbsolutePath());
			return false;
		}
		try (InputStream content = Files.newInputStream(file);
				Blobs.Incoming incoming = this.blobs.receive(content, DataSize.ofBytes(Long.MAX_VALUE))) {
			if (!incoming.sha256().equals(row.sha256()) || !incoming.sm3().equals(row.sm3())) {
				log.error("Evidence file {} (file_object {}) was changed on disk (SHA-256 now {}): not moved", file,
						row.id(), incoming.sha256());
				return false;
			}
			incoming.store();
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Row> page(long after) {
		return this.jdbc.sql("SELECT id, sha256, sm3 FROM file_object WHERE id > :after ORDER BY id LIMIT :limit")
			.param("after", after)
			.param("limit", PAGE)
			.query((rs, row) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	private record Row(long id, String sha256, String sm3) {
	}

}
