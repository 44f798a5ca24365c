package cn.qinglang.batch.feed;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second node for {@link FeedRunCrashIT}, in a JVM of its own: connects to the test's
 * database (the environment's {@code QINGLANG_DB_URL}, {@code _USER}, {@code _PASSWORD}),
 * claims a pull run of the enterprise given as the first argument and runs it, until the
 * test kills the process with {@code kill -9}. The other arguments are Spring properties.
 */
final class CrashingNode {

	private CrashingNode() {
	}

	public static void main(String[] args) {
		long enterpriseId = Long.parseLong(args[0]);
		SpringApplication application = new SpringApplication(FeedImportJobTests.TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// the test's context has applied the changelog to the database already
		application.setDefaultProperties(Map.of("spring.liquibase.enabled", "false"));
		ConfigurableApplicationContext context = application.run(java.util.Arrays.copyOfRange(args, 1, args.length));
		FeedRuns runs = context.getBean(FeedRuns.class);
		runs.executePull(runs.claimPull(enterpriseId, "crashing-node"));
	}

}
