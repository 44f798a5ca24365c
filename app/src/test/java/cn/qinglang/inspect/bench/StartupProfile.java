package cn.qinglang.inspect.bench;

import java.util.Comparator;
import java.util.Locale;
import java.util.stream.StreamSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;

import cn.qinglang.inspect.QinglangInspectApplication;

/**
 * Where the start goes: the portal started once with Spring's
 * {@link BufferingApplicationStartup} over the given arguments (e.g. a data folder of a
 * previous start), then the longest steps printed with their tags, longest first.
 */
public final class StartupProfile {

	private StartupProfile() {
	}

	public static void main(String[] args) {
		BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
		SpringApplication application = new SpringApplication(QinglangInspectApplication.class);
		application.setApplicationStartup(startup);
		long started = System.nanoTime();
		try (ConfigurableApplicationContext context = application.run(args)) {
			System.out.printf(Locale.ROOT, "started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
			startup.getBufferedTimeline()
				.getEvents()
				.stream()
				.sorted(Comparator.comparing(TimelineEvent::getDuration).reversed())
				.limit(40)
				.forEach((event) -> System.out.printf(Locale.ROOT, "%6d ms  %s %s%n", event.getDuration().toMillis(),
						event.getStartupStep().getName(),
						StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
							.map((tag) -> tag.getKey() + "=" + tag.getValue())
							.toList()));
		}
	}

}
