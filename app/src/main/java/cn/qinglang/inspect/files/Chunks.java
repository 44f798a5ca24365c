package cn.qinglang.inspect.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code stored_blob_chunk} rows, written, read and deleted through a small pool of
 * connections of their own, one autocommitted statement (one transaction, one Galera
 * write set) per chunk, whatever transaction the caller is in: a file of 100 MB is a
 * hundred small write sets, never one large one, and a request whose transaction holds a
 * connection of the portal's pool never waits for a second one from that pool (ten such
 * uploads at once would wait for each other for ever). The pool's statements are prepared
 * on the server, so that a chunk's bytes travel as they are, not escaped into the
 * statement's text: three times faster to write here, twice to read.
 */
@Component
class Chunks implements DisposableBean {

	private final JdbcClient jdbc;

	private final HikariDataSource pool;

	private final JdbcClient chunks;

	private final int size;

	Chunks(JdbcClient jdbc, JdbcConnectionDetails database, FilesProperties properties) {
		this.jdbc = jdbc;
		HikariConfig config = new HikariConfig();
		config.setPoolName("files");
		config.setJdbcUrl(database.getJdbcUrl());
		config.setUsername(database.getUsername());
		config.setPassword(database.getPassword());
		config.addDataSourceProperty("useServerPrepStmts", "true");
		config.setMaximumPoolSize(properties.connections());
		config.setMinimumIdle(1);
		this.pool = new HikariDataSource(config);
		this.chunks = JdbcClient.create(this.pool);
		this.size = (int) properties.chunkSize().toBytes();
	}

	/**
	 * Writes the file as the chunks of a set.
	 * @return how many chunks
	 */
	int write(byte[] chunkSet, Path file) throws IOException {
		int seq = 0;
		try (InputStream in = Files.newInputStream(file)) {
			for (byte[] data = in.readNBytes(this.size); data.length > 0; data = in.readNBytes(this.size)) {
				// IGNORE: a write repeated after a lost answer to its commit changes
				// nothing
				this.chunks.sql("""
						INSERT IGNORE INTO stored_blob_chunk (chunk_set, seq, data, created_at)
						VALUES (:set, :seq, :data, UTC_TIMESTAMP(6))""")
					.param("set", chunkSet)
					.param("seq", seq++)
					.param("data", data)
					.update();
			}
		}
		return seq;
	}

	/** A chunk's bytes, or null if it is not there. */
	byte[] read(byte[] chunkSet, int seq) {
		return this.chunks.sql("SELECT data FROM stored_blob_chunk WHERE chunk_set = :set AND seq = :seq")
			.param("set", chunkSet)
			.param("seq", seq)
			.query((rs, row) -> rs.getBytes(1))
			.optional()
			.orElse(null);
	}

	/**
	 * Deletes a set's chunks one by one, the first last: a delete cut short leaves a set
	 * that the clean-up of orphans still finds by its first chunk.
	 */
	void delete(byte[] chunkSet) {
		while (this.chunks.sql("DELETE FROM stored_blob_chunk WHERE chunk_set = :set ORDER BY seq DESC LIMIT 1")
			.param("set", chunkSet)
			.update() > 0) {
			// one chunk per statement: each delete's write set holds one chunk's bytes
		}
	}

	/**
	 * Chunk sets that no stored file names and whose first chunk is older than the age: a
	 * write still going on is younger.
	 */
	List<byte[]> orphans(Duration age) {
		return this.jdbc.sql("""
				SELECT c.chunk_set FROM stored_blob_chunk c
				WHERE c.seq = 0 AND c.created_at < TIMESTAMPADD(MICROSECOND, -:age, UTC_TIMESTAMP(6))
				  AND NOT EXISTS (SELECT 1 FROM stored_blob b WHERE b.chunk_set = c.chunk_set)""")
			.param("age", age.toNanos() / 1000)
			.query((rs, row) -> rs.getBytes(1))
			.list();
	}

	@Override
	public void destroy() {
		this.pool.close();
	}

}
