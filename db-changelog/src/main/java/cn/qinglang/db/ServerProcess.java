package cn.qinglang.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mariadbd} run under a small shell watcher that ends it when the portal's JVM is
 * gone, however it went. The JVM holds the writing end of the watcher's standard input
 * and never writes: when the JVM exits, {@code kill -9} included, the kernel closes that
 * pipe, the watcher reads end-of-file and sends the server TERM, so InnoDB shuts down
 * cleanly. A clean stop of the portal closes the pipe itself and waits.
 *
 * <p>
 * Chosen over {@code prctl(PR_SET_PDEATHSIG)} ({@code setpriv --pdeathsig}): that signal
 * follows the thread that started the child, not the process, and Spring Boot's main
 * thread ends right after start-up, which would kill the server at once. Chosen over
 * polling the JVM's pid: a pipe cannot be fooled by a reused pid and reacts at once.
 */
final class ServerProcess {

	private static final Logger log = LoggerFactory.getLogger(ServerProcess.class);

	/**
	 * {@code sh -c WATCHER watcher mariadbd ARGS…}. INT and HUP are ignored (a Ctrl-C in
	 * the terminal reaches the JVM, whose shutdown closes the pipe); TERM sent to the
	 * watcher is passed on to the server; the server's end, whatever its cause, ends the
	 * watcher with the server's status.
	 */
	private static final String WATCHER = """
			exec 3<&0 0</dev/null
			trap '' INT HUP
			"$@" 3<&- &
			server=$!
			trap 'kill -TERM "$server" 2>/dev/null' TERM
			echo "watcher: server pid $server"
			{ while read -r _ <&3; do :; done; kill -TERM "$server"; } >/dev/null 2>&1 &
			watcher=$!
			exec 3<&-
			status=0
			while kill -0 "$server" 2>/dev/null; do wait "$server"; status=$?; done
			kill "$watcher" 2>/dev/null
			exit "$status"
			""";

	private static final String READY = ": ready for connections.";

	private static final int KEPT_LINES = 40;

	private final Process watcher;

	private final CompletableFuture<Long> serverPid = new CompletableFuture<>();

	private final CompletableFuture<Void> ready = new CompletableFuture<>();

	private final Deque<String> lastLines = new ArrayDeque<>();

	/** Set when the portal stops the server: its end is then expected. */
	private volatile boolean stopping;

	private ServerProcess(Process watcher) {
		this.watcher = watcher;
	}

	/**
	 * Starts the server and waits until it accepts connections.
	 * @param command {@code mariadbd} and its arguments
	 */
	static ServerProcess start(List<String> command, Map<String, String> environment, Duration timeout) {
		List<String> line = new ArrayList<>(List.of("/bin/sh", "-c", WATCHER, "watcher"));
		line.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
		builder.environment().putAll(environment);
		ServerProcess server;
		try {
			server = new ServerProcess(builder.start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + command.get(0), ex);
		}
		Thread reader = new Thread(server::readOutput, "mariadbd-output");
		reader.setDaemon(true);
		reader.start();
		server.awaitReady(timeout);
		return server;
	}

	/** The server's own pid (not the watcher's), once the watcher has told it. */
	long serverPid() {
		return this.serverPid.getNow(-1L);
	}

	private void awaitReady(Duration timeout) {
		try {
			this.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			stop(Duration.ofSeconds(30));
			throw new IllegalStateException("MariaDB did not accept connections within " + timeout.toSeconds()
					+ " s; its last lines:\n" + lastLines());
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("MariaDB stopped while starting; its last lines:\n" + lastLines());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stop(Duration.ofSeconds(30));
			throw new IllegalStateException("Interrupted while MariaDB was starting", ex);
		}
	}

	/**
	 * The server's console, into the log: errors and warnings as such, the rest at debug.
	 */
	private void readOutput() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.watcher.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				remember(line);
				if (line.startsWith("watcher: server pid ")) {
					this.serverPid.complete(Long.parseLong(line.substring("watcher: server pid ".length()).trim()));
				}
				else if (line.contains("[ERROR]")) {
					log.error(line);
				}
				else if (line.contains("[Warning]")) {
					// the server's warnings are mostly of its host (open files limit),
					// not
					// of the portal
					log.info(line);
				}
				else {
					log.debug(line);
				}
				if (line.contains(READY)) {
					this.ready.complete(null);
				}
			}
		}
		catch (IOException ex) {
			log.debug("The MariaDB console closed: {}", ex.getMessage());
		}
		if (this.ready.isDone() && !this.stopping) {
			// the server ended while the portal runs: what it said last is the only clue
			log.error("MariaDB ended while the portal was running; its last lines:\n{}", lastLines());
		}
		this.ready.completeExceptionally(new IllegalStateException("MariaDB exited"));
	}

	private synchronized void remember(String line) {
		if (this.lastLines.size() == KEPT_LINES) {
			this.lastLines.removeFirst();
		}
		this.lastLines.addLast(line);
	}

	private synchronized String lastLines() {
		return String.join("\n", this.lastLines);
	}

	/**
	 * Stops the server: the pipe closed (the watcher sends TERM), then KILL if it is not
	 * gone within {@code patience}.
	 */
	void stop(Duration patience) {
		this.stopping = true;
		try {
			this.watcher.getOutputStream().close();
		}
		catch (IOException ex) {
			log.debug("Closing the watcher's pipe: {}", ex.getMessage());
		}
		long pid = serverPid();
		ProcessHandle server = (pid > 0) ? ProcessHandle.of(pid).orElse(null) : null;
		try {
			boolean stopped = this.watcher.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
			if (stopped && server != null && server.isAlive()) {
				// the watcher was gone already (killed): TERM the server directly
				server.destroy();
				stopped = server.onExit()
					.completeOnTimeout(server, patience.toMillis(), TimeUnit.MILLISECONDS)
					.thenApply((process) -> !process.isAlive())
					.join();
			}
			if (!stopped) {
				log.warn("MariaDB did not stop within {} s; killing it", patience.toSeconds());
				if (server != null) {
					server.destroyForcibly();
				}
				this.watcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
