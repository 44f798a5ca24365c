package cn.qinglang.db;

import java.lang.management.ManagementFactory;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the portal's MariaDB is. With {@code url} unset (and no
 * {@code spring.datasource.url}) an embedded MariaDB is started inside the JVM.
 *
 * @param url JDBC URL of an external MariaDB ({@code QINGLANG_DB_URL})
 * @param user user of the external MariaDB ({@code QINGLANG_DB_USER})
 * @param password password of the external MariaDB ({@code QINGLANG_DB_PASSWORD})
 * @param embedded settings of the embedded MariaDB
 */
@ConfigurationProperties("qinglang.db")
public record DatabaseProperties(String url, String user, String password, @DefaultValue Embedded embedded) {

	/**
	 * @param dataDir data directory, kept across restarts
	 * @param baseDir where the MariaDB binaries are unpacked; delete it after upgrading
	 * the binary artifact
	 * @param port TCP port on 127.0.0.1; 0 picks a free one
	 * @param database schema name
	 * @param throwaway start every context on a new data directory (below
	 * {@code dataDir}) and delete it on shutdown: for tests
	 * @param bufferPool InnoDB's buffer pool; unset: an eighth of the machine's memory,
	 * between 512 MB and 4 GB (512 MB for a throwaway database)
	 */
	public record Embedded(@DefaultValue("data/mariadb") Path dataDir, @DefaultValue("data/mariadb-base") Path baseDir,
			@DefaultValue("0") int port, @DefaultValue("qinglang") String database,
			@DefaultValue("false") boolean throwaway, DataSize bufferPool) {

		private static final DataSize SMALLEST = DataSize.ofMegabytes(512);

		private static final DataSize LARGEST = DataSize.ofGigabytes(4);

		/** The buffer pool to start with: as set, or sized to the machine. */
		public DataSize bufferPoolOrDefault() {
			if (this.bufferPool != null) {
				return this.bufferPool;
			}
			if (this.throwaway) {
				return SMALLEST;
			}
			long memory = (ManagementFactory
				.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
						? os.getTotalMemorySize() : 0;
			long eighth = memory / 8 / (1024 * 1024) * (1024 * 1024);
			return DataSize.ofBytes(Math.max(SMALLEST.toBytes(), Math.min(LARGEST.toBytes(), eighth)));
		}

	}

}
