package cn.qinglang.inspect.files;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import cn.qinglang.inspect.support.Hashes;
import cn.qinglang.inspect.support.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files in the database on the embedded MariaDB: kept and read back unchanged with both
 * hashes, cut into chunks and streamed one chunk at a time, kept once per content,
 * protected against change, nothing left of a rolled-back or unfinished write, and
 * uploads as many as the portal's connections at once, each in a transaction, not waiting
 * for each other.
 */
@PortalTest
class BlobsIT {

	private static final int MIB = 1024 * 1024;

	@Autowired
	Blobs blobs;

	@Autowired
	OrphanChunks orphanChunks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	@Test
	void aFileIsReadBackByteForByteWithTheSameSha256AndSm3() throws Exception {
		byte[] content = random(300_000);

		StoredBlob stored = this.blobs.store(new ByteArrayInputStream(content), DataSize.ofMegabytes(1));

		assertThat(stored).isEqualTo(new StoredBlob(Hashes.sha256(content), Hashes.sm3(content), content.length));
		assertThat(this.blobs.find(stored.sha256())).contains(stored);
		try (InputStream read = this.blobs.open(stored.sha256())) {
			assertThat(read.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void aFileOfFiveMegabytesSpansSeveralChunksAndIsReadOneChunkAtATime() throws Exception {
		byte[] content = random(5 * MIB + 17);

		StoredBlob stored = this.blobs.store(new ByteArrayInputStream(content), DataSize.ofMegabytes(10));

		assertThat(this.jdbc.sql("""
				SELECT CONCAT(b.chunks, ' ', COUNT(*), ' ', MAX(LENGTH(c.data)), ' ', SUM(LENGTH(c.data)))
				FROM stored_blob b JOIN stored_blob_chunk c ON c.chunk_set = b.chunk_set
				WHERE b.sha256 = :sha GROUP BY b.chunks""").param("sha", stored.sha256()).query(String.class).single())
			.isEqualTo("6 6 " + MIB + " " + content.length);
		MessageDigest read = MessageDigest.getInstance("SHA-256");
		long total = 0;
		try (InputStream in = this.blobs.open(stored.sha256())) {
			byte[] buffer = new byte[8192];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				// what the stream holds is the rest of one chunk, never the file
				assertThat(in.available()).isLessThan(MIB);
				read.update(buffer, 0, n);
				total += n;
			}
		}
		assertThat(total).isEqualTo(content.length);
		assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(stored.sha256());
	}

	@Test
	void theSameContentStoredTwiceIsOneFile() throws Exception {
		byte[] content = random(2 * MIB + 1);
		long chunks = count("stored_blob_chunk");

		StoredBlob first = this.blobs.store(new ByteArrayInputStream(content), DataSize.ofMegabytes(10));
		StoredBlob second = this.blobs.store(new ByteArrayInputStream(content), DataSize.ofMegabytes(10));

		assertThat(second).isEqualTo(first);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM stored_blob WHERE sha256 = :sha")
			.param("sha", first.sha256())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(count("stored_blob_chunk")).isEqualTo(chunks + 3);
	}

	@Test
	void contentOverTheLimitIsRefusedAndNothingIsKept() {
		long files = count("stored_blob");
		long chunks = count("stored_blob_chunk");

		assertThatThrownBy(() -> this.blobs.store(new ByteArrayInputStream(random(MIB + 1)), DataSize.ofMegabytes(1)))
			.isInstanceOf(BlobTooLargeException.class);

		assertThat(count("stored_blob")).isEqualTo(files);
		assertThat(count("stored_blob_chunk")).isEqualTo(chunks);
	}

	@Test
	void aTamperingUpdateOfAFileOrOfAChunkIsRefusedByTheDatabase() throws Exception {
		StoredBlob stored = this.blobs.store(new ByteArrayInputStream(random(1000)), DataSize.ofMegabytes(1));

		assertThatThrownBy(() -> this.jdbc.sql("UPDATE stored_blob SET sm3 = :sha WHERE sha256 = :sha")
			.param("sha", stored.sha256())
			.update()).hasMessageContaining("a stored file is immutable");
		assertThatThrownBy(() -> this.jdbc.sql("""
				UPDATE stored_blob_chunk SET data = 'forged'
				WHERE chunk_set = (SELECT chunk_set FROM stored_blob WHERE sha256 = :sha)""")
			.param("sha", stored.sha256())
			.update()).hasMessageContaining("a stored file is immutable");
		assertThat(this.blobs.find(stored.sha256())).contains(stored);
	}

	@Test
	void aStoreWhoseTransactionRollsBackLeavesNeitherFileNorChunks() {
		byte[] content = random(MIB + 5);
		long chunks = count("stored_blob_chunk");

		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			try {
				this.blobs.store(new ByteArrayInputStream(content), DataSize.ofMegabytes(10));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			// seen from outside the transaction: the chunks are committed each on its own
			assertThat(CompletableFuture.supplyAsync(() -> count("stored_blob_chunk")).join()).isEqualTo(chunks + 2);
			status.setRollbackOnly();
		});

		assertThat(this.blobs.exists(Hashes.sha256(content))).isFalse();
		assertThat(count("stored_blob_chunk")).isEqualTo(chunks);
	}

	@Test
	void asManyUploadsAtOnceAsThePortalHasConnectionsEachInItsTransactionAllComplete() throws Exception {
		int connections = this.dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
		CyclicBarrier allHoldAConnection = new CyclicBarrier(connections);
		ExecutorService uploads = Executors.newFixedThreadPool(connections);
		try {
			List<Future<StoredBlob>> stored = new ArrayList<>();
			for (int i = 0; i < connections; i++) {
				stored.add(uploads.submit(() -> new TransactionTemplate(this.transactions).execute((status) -> {
					try {
						this.jdbc.sql("SELECT 1").query(Integer.class).single();
						allHoldAConnection.await(30, TimeUnit.SECONDS);
						return this.blobs.store(new ByteArrayInputStream(random(MIB + 1)), DataSize.ofMegabytes(2));
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				})));
			}
			for (Future<StoredBlob> upload : stored) {
				assertThat(this.blobs.exists(upload.get(60, TimeUnit.SECONDS).sha256())).isTrue();
			}
		}
		finally {
			uploads.shutdownNow();
		}
	}

	@Test
	void chunksThatNoFileNamesAreDeletedOnceADayOld() {
		this.jdbc.sql("""
				INSERT INTO stored_blob_chunk (chunk_set, seq, data, created_at) VALUES
				  (UNHEX('0000000000000000000000000000A001'), 0, 'left', UTC_TIMESTAMP(6) - INTERVAL 2 DAY),
				  (UNHEX('0000000000000000000000000000A001'), 1, 'over', UTC_TIMESTAMP(6) - INTERVAL 2 DAY),
				  (UNHEX('0000000000000000000000000000A002'), 0, 'being written', UTC_TIMESTAMP(6))""").update();

		assertThat(this.orphanChunks.deleteOrphans()).isEqualTo(1);

		assertThat(this.jdbc
			.sql("SELECT HEX(chunk_set) FROM stored_blob_chunk WHERE chunk_set IN "
					+ "(UNHEX('0000000000000000000000000000A001'), UNHEX('0000000000000000000000000000A002'))")
			.query(String.class)
			.list()).containsExactly("0000000000000000000000000000A002");
		this.jdbc.sql("DELETE FROM stored_blob_chunk WHERE chunk_set = UNHEX('0000000000000000000000000000A002')")
			.update();
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static byte[] random(int size) {
		byte[] bytes = new byte[size];
		new Random(System.nanoTime()).nextBytes(bytes);
		return bytes;
	}

}
