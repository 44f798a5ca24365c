package cn.qinglang.inspect;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import cn.qinglang.inspect.feed.PushCommand;
import cn.qinglang.labelcheck.cli.LabelCheckCli;

/**
 * Qinglang Inspect: the regulator's portal for the AI-content labeling campaign. Started
 * with {@code check FILE…} it is the label checker alone, and with {@code push …} the
 * push API's reference client, both without Spring or a database.
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
		if (args.length > 0 && PushCommand.PORTAL_COMMAND.equals(args[0])) {
			System.setProperty("logback.configurationFile", "labelcheck-cli-logback.xml");
			System.exit(PushCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		SpringApplication.run(QinglangInspectApplication.class, args);
	}

}
