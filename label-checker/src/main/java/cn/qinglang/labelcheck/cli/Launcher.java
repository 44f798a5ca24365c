package cn.qinglang.labelcheck.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar label-checker.jar} as a platform's pipeline runs it, with no JVM
 * options: the JVM would size its heap from the machine's memory (a quarter of it) and
 * compile with both compilers, using a gigabyte and a second processor for a run of
 * seconds. So the jar starts the checker in a second JVM with options for a short batch
 * run: a heap of at most 256 MB with the serial collector, the quick compiler only.
 * Whoever gives the JVM options of their own ({@code java -Xmx1g -jar …},
 * {@code JDK_JAVA_OPTIONS}, {@code JAVA_TOOL_OPTIONS}) keeps them: then, as when
 * {@code LABELCHECK_SAME_JVM} is set or no second JVM can be started, the checker runs in
 * the first one.
 */
final class Launcher {

	/** Options of the second JVM (README of the module: memory and speed). */
	static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-XX:-UsePerfData");

	private static final String LAUNCHED = "labelcheck.launched";

	private Launcher() {
	}

	/**
	 * Runs the command in a second JVM when this one was started without options.
	 * @return its exit status, or null when the command is to run in this JVM
	 */
	static Integer relaunch(Class<?> main, String[] args) {
		if (Boolean.getBoolean(LAUNCHED) || System.getenv("LABELCHECK_SAME_JVM") != null
				|| !ManagementFactory.getRuntimeMXBean().getInputArguments().isEmpty()) {
			return null;
		}
		Path jar = jarOf(main);
		Path java = Path.of(System.getProperty("java.home"), "bin",
				System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "java.exe" : "java");
		if (jar == null || !Files.isExecutable(java)) {
			return null;
		}
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.addAll(JVM_OPTIONS);
		command.add("-D" + LAUNCHED + "=true");
		command.add("-cp");
		command.add(jar.toString());
		command.add(main.getName());
		command.addAll(Arrays.asList(args));
		try {
			Process process = new ProcessBuilder(command).inheritIO().start();
			// the second JVM ends with this one when it is stopped (Ctrl-C reaches both)
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
			return process.waitFor();
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 130;
		}
	}

	/** The jar the class was loaded from, or null when it is not a jar. */
	private static Path jarOf(Class<?> main) {
		try {
			Path location = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
			return (Files.isRegularFile(location) && location.toString().endsWith(".jar")) ? location : null;
		}
		catch (URISyntaxException | RuntimeException ex) {
			return null;
		}
	}

}
