package cn.qinglang.inspect.bench;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import cn.qinglang.inspect.QinglangInspectApplication;

/**
 * The national-scale data set of the benchmarks ({@code .ci/bench dashboard} and
 * {@code reports}), from the test classpath: the real application with the demo
 * enterprises and the generator ({@code dashboard.GenerateCommand}), no scheduled or demo
 * ingestion, the web server (which the security configuration needs) on a random local
 * port; exits when done. Arguments as for the generator, plus the database folders.
 */
public final class Generate {

	private Generate() {
	}

	public static void main(String[] args) {
		// as arguments, since application.properties overrides default properties
		String[] settings = { "--qinglang.generate.enabled=true", "--qinglang.feeds.demo.ingest-on-start=false",
				"--qinglang.scheduling.enabled=false", "--server.port=0", "--server.address=127.0.0.1" };
		String[] all = Arrays.copyOf(settings, settings.length + args.length);
		System.arraycopy(args, 0, all, settings.length, args.length);
		System.exit(SpringApplication
			.exit(new SpringApplicationBuilder(QinglangInspectApplication.class).profiles("demo").run(all)));
	}

}
