package cn.qinglang.inspect.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import cn.qinglang.inspect.QinglangInspectApplication;

/**
 * The real application over the generated national-scale data set of the benchmarks (demo
 * profile, no demo ingest, no scheduled jobs, a random local port).
 */
public final class BenchApplication {

	private BenchApplication() {
	}

	/**
	 * @param dataDir the folder {@code .ci/bench} generated the data into
	 */
	public static ConfigurableApplicationContext start(String dataDir, String... more) {
		SpringApplication application = new SpringApplication(QinglangInspectApplication.class);
		application.setAdditionalProfiles("demo");
		// as arguments, since application.properties overrides default properties
		java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of(
				"--qinglang.db.embedded.data-dir=" + dataDir + "/data",
				"--qinglang.db.embedded.base-dir=" + dataDir + "/base", "--qinglang.feeds.demo.ingest-on-start=false",
				"--qinglang.scheduling.enabled=false", "--server.port=0", "--server.address=127.0.0.1",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off"));
		arguments.addAll(java.util.List.of(more));
		return application.run(arguments.toArray(String[]::new));
	}

}
