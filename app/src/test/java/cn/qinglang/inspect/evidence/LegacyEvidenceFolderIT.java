package cn.qinglang.inspect.evidence;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import cn.qinglang.inspect.files.Blobs;
import cn.qinglang.inspect.support.Hashes;
import cn.qinglang.inspect.support.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation of the earlier version kept its evidence in a folder: at start, the
 * files of its rows are moved into the database once, each checked against its row's
 * hashes; a file changed on disk is left out.
 */
@PortalTest
class LegacyEvidenceFolderIT {

	@Autowired
	LegacyEvidenceFolder folder;

	@Autowired
	Blobs blobs;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path old;

	@Test
	void filesOfTheEarlierVersionsFolderAreMovedIntoTheDatabaseOnceAndAChangedOneIsLeftOut() throws Exception {
		byte[] kept = ("整改说明 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
		byte[] changed = ("被改动的文件 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
		earlierVersionsFile(kept, kept);
		earlierVersionsFile(changed, "改过了".getBytes(StandardCharsets.UTF_8));

		assertThat(this.folder.moveIntoDatabase(this.old)).isEqualTo(1);

		try (InputStream content = this.blobs.open(Hashes.sha256(kept))) {
			assertThat(content.readAllBytes()).isEqualTo(kept);
		}
		assertThat(this.blobs.exists(Hashes.sha256(changed))).isFalse();
		assertThat(this.folder.moveIntoDatabase(this.old)).as("once").isZero();
	}

	/**
	 * A row as the earlier version wrote it, whose file lies in the folder only (with
	 * {@code onDisk} as its content); the row's key to the stored file is not checked, as
	 * the upgrade's change set left it.
	 */
	private void earlierVersionsFile(byte[] content, byte[] onDisk) throws Exception {
		String sha256 = Hashes.sha256(content);
		Path file = Files.createDirectories(this.old.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)))
			.resolve(sha256);
		Files.write(file, onDisk);
		try (Connection connection = this.dataSource.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET FOREIGN_KEY_CHECKS = 0");
			}
			try (PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO file_object (sha256, sm3, size_bytes, content_type) VALUES (?, ?, ?, 'text/plain')")) {
				insert.setString(1, sha256);
				insert.setString(2, Hashes.sm3(content));
				insert.setLong(3, content.length);
				insert.executeUpdate();
			}
			finally {
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET FOREIGN_KEY_CHECKS = 1");
				}
			}
		}
	}

}
