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
