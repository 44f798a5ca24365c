package cn.qinglang.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product ships the product: the packaged jar holds the portal and the checker, not
 * the benchmarks' data generator nor any benchmark.
 */
class ProductJarIT {

	/**
	 * The launcher beside the jar: a first start records the class archive as it stops, a
	 * second starts from it ({@code -Xshare:on} fails a start that cannot map it). Each
	 * start ends once the context is up ({@code spring.context.exit=onRefresh}), on a
	 * throwaway database.
	 */
	@Test
	void theLauncherRecordsAClassArchiveAndStartsFromIt() throws Exception {
		Path cds = Path.of("target/launcher-test/cds").toAbsolutePath();
		org.springframework.util.FileSystemUtils.deleteRecursively(cds);
		Launch first = launch(cds, "-Dspring.context.exit=onRefresh");
		assertThat(first.exitCode()).as(first.output()).isZero();
		assertThat(first.output()).contains("no class data archive yet");
		assertThat(cds.resolve("app.jsa")).isNotEmptyFile();
		assertThat(cds.resolve("app/qinglang-inspect.jar")).exists();

		Launch second = launch(cds, "-Xshare:on -Dspring.context.exit=onRefresh");
		assertThat(second.exitCode()).as(second.output()).isZero();
		assertThat(second.output()).doesNotContain("no class data archive yet").contains("Exposing 3 endpoints");
	}

	private static Launch launch(Path cds, String javaOpts) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("sh", "target/qinglang-inspect", "--server.port=0",
				"--qinglang.db.embedded.throwaway=true",
				"--qinglang.db.embedded.data-dir=" + Path.of("target/launcher-test/data").toAbsolutePath(),
				"--qinglang.db.embedded.base-dir=" + Path.of("target/mariadb/base").toAbsolutePath())
			.redirectErrorStream(true);
		builder.environment().put("QINGLANG_CDS_DIR", cds.toString());
		builder.environment().put("JAVA_OPTS", javaOpts);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		if (!process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		return new Launch(process.exitValue(), output);
	}

	private record Launch(int exitCode, String output) {
	}

	@Test
	void theJarHoldsNoGeneratorAndNoBenchmark() throws IOException {
		Path jar = Path.of("target/qinglang-inspect.jar");
		assertThat(jar).exists();
		try (JarFile file = new JarFile(jar.toFile())) {
			List<String> names = file.stream().map(ZipEntry::getName).toList();

			assertThat(names).contains("BOOT-INF/classes/cn/qinglang/inspect/QinglangInspectApplication.class",
					"BOOT-INF/classes/cn/qinglang/inspect/dashboard/DashboardService.class");
			assertThat(names).anyMatch((name) -> name.matches("BOOT-INF/lib/qinglang-label-checker-.*\\.jar"));
			assertThat(names).noneMatch((name) -> name.contains("VolumeGenerator") || name.contains("GenerateCommand")
					|| name.contains("/bench/") || name.contains("Benchmark"));
			assertThat(names).noneMatch((name) -> name.matches("BOOT-INF/lib/.*-tests\\.jar"));
		}
		assertThat(Files.size(jar)).isPositive();
	}

}
