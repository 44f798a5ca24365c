package cn.qinglang.inspect;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import cn.qinglang.labelcheck.cli.LabelCheckCli;

/**
 * Qinglang Inspect: the regulator's portal for the AI-content labeling campaign. Started
 * with {@code check FILE…} it is the label checker alone, without Spring or a database.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QinglangInspectApplication {

	public static void main(String[] args) {
		if (args.length > 0 && LabelCheckCli.PORTAL_COMMAND.equals(args[0])) {
			// the libraries' logging kept quiet before any of them starts it
			System.setProperty("logback.configurationFile", "labelcheck-cli-logback.xml");
			System.exit(LabelCheckCli.run("java -jar qinglang-inspect.jar check",
					Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		if (args.length > 0 && args[0].equals("generate")) {
			generate(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		SpringApplication.run(QinglangInspectApplication.class, args);
	}

	/**
	 * The data generator of the dashboards' benchmark: the demo enterprises, no scheduled
	 * or demo ingestion, the web server (which the security configuration needs) on a
	 * random local port; exits when done.
	 */
	private static void generate(String[] args) {
		// as arguments, since application.properties overrides default properties
		String[] settings = { "--qinglang.generate.enabled=true", "--qinglang.feeds.demo.ingest-on-start=false",
				"--qinglang.scheduling.enabled=false", "--server.port=0", "--server.address=127.0.0.1" };
		String[] all = Arrays.copyOf(settings, settings.length + args.length);
		System.arraycopy(args, 0, all, settings.length, args.length);
		System.exit(SpringApplication
			.exit(new SpringApplicationBuilder(QinglangInspectApplication.class).profiles("demo").run(all)));
	}

}
