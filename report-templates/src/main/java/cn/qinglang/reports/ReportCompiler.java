package cn.qinglang.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Compiles every {@code .jrxml} of a folder into a {@code .jasper} of the same name: run
 * by the build, so that a template that does not compile fails it.
 */
public final class ReportCompiler {

	private ReportCompiler() {
	}

	public static void main(String[] args) throws IOException, JRException {
		if (args.length != 2) {
			throw new IllegalArgumentException("usage: ReportCompiler SOURCE_DIR TARGET_DIR");
		}
		List<Path> compiled = compileAll(Path.of(args[0]), Path.of(args[1]));
		System.out.println("Compiled " + compiled.size() + " report template(s) into " + args[1]);
	}

	static List<Path> compileAll(Path sourceDir, Path targetDir) throws IOException, JRException {
		if (!Files.isDirectory(sourceDir)) {
			return List.of();
		}
		Files.createDirectories(targetDir);
		List<Path> sources;
		try (Stream<Path> files = Files.list(sourceDir)) {
			sources = files.filter((file) -> file.getFileName().toString().endsWith(".jrxml")).sorted().toList();
		}
		for (Path source : sources) {
			String name = source.getFileName().toString().replaceFirst("\\.jrxml$", ".jasper");
			try {
				JasperCompileManager.compileReportToFile(source.toString(), targetDir.resolve(name).toString());
			}
			// an unreadable template surfaces as a runtime exception from the XML parser
			catch (JRException | RuntimeException ex) {
				throw new JRException("Report template " + source + " does not compile: " + ex.getMessage(), ex);
			}
		}
		return sources;
	}

}
