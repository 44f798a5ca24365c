package cn.qinglang.labelcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.qinglang.labelcheck.LabelChecker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code target/label-checker.jar} as a platform runs it: {@code java -jar}, a process of
 * its own (which starts the checker's second JVM), its exit status and its output.
 */
class RunnableJarIT {

	private static final Path JAR = Path.of("target/label-checker.jar");

	@TempDir
	Path folder;

	record Result(int status, String out, String err) {
	}

	private Result java(List<String> options, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(options);
		command.add("-jar");
		command.add(JAR.toString());
		command.addAll(List.of(args));
		Path out = this.folder.resolve("out");
		Path err = this.folder.resolve("err");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the jar ended within 2 minutes").isTrue();
		return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	@Test
	void exitStatusIsZeroOneOrTwo() throws Exception {
		Result compliant = java(List.of(), ReportFormatsTests.CORPUS.resolve("png/labelled-text.png").toString());
		Result nonCompliant = java(List.of(), ReportFormatsTests.CORPUS.resolve("png").toString());
		Result usage = java(List.of(), "--no-such-option", "x");
		Result missing = java(List.of(), "no/such/folder");

		assertThat(compliant.status()).as(compliant.err()).isZero();
		assertThat(compliant.out()).contains("COMPLIANT", "1 files: 1 COMPLIANT");
		assertThat(nonCompliant.status()).isEqualTo(1);
		assertThat(nonCompliant.out()).contains("NON_COMPLIANT", "checker " + LabelChecker.VERSION);
		assertThat(usage.status()).isEqualTo(2);
		assertThat(usage.err()).contains("Unknown option: '--no-such-option'", "Usage: java -jar label-checker.jar");
		assertThat(missing.status()).isEqualTo(2);
		assertThat(missing.err()).contains("no such file");
	}

	@Test
	void jsonOfTheJarFollowsTheSchemaAndLibrariesStayQuiet() throws Exception {
		Result json = java(List.of(), "--json", ReportFormatsTests.CORPUS.toString());

		JsonNode document = JsonMapper.builder().build().readTree(json.out());
		assertThat(ReportFormatsTests.schema().validate(document)).isEmpty();
		assertThat(json.status()).isEqualTo(1);
		// no logging framework's warnings on the terminal
		assertThat(json.err()).isEmpty();
	}

	@Test
	void runsWithTheUsersOwnJvmOptions() throws Exception {
		Result withOptions = java(List.of("-Xmx64m"),
				ReportFormatsTests.CORPUS.resolve("png/labelled-text.png").toString());

		assertThat(withOptions.status()).as(withOptions.err()).isZero();
	}

}
