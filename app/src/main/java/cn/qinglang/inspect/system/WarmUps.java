package cn.qinglang.inspect.system;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the enabled {@link WarmUp}s in their order on one daemon thread after the start.
 */
@Component
class WarmUps {

	private static final Logger log = LoggerFactory.getLogger(WarmUps.class);

	private final ObjectProvider<WarmUp> warmUps;

	WarmUps(ObjectProvider<WarmUp> warmUps) {
		this.warmUps = warmUps;
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		List<WarmUp> enabled = this.warmUps.orderedStream().filter(WarmUp::enabled).toList();
		if (!enabled.isEmpty()) {
			Thread thread = new Thread(() -> enabled.forEach(WarmUps::run), "warm-up");
			thread.setDaemon(true);
			thread.start();
		}
	}

	private static void run(WarmUp warmUp) {
		try {
			warmUp.run();
		}
		catch (RuntimeException ex) {
			// never fatal: what it would have readied is done by the first request that
			// needs it
			log.warn("Warm-up {} failed", warmUp.getClass().getSimpleName(), ex);
		}
	}

}
