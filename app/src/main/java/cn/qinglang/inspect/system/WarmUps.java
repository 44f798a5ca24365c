package cn.qinglang.inspect.system;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
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

	private volatile boolean closing;

	private volatile Thread thread;

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		List<WarmUp> enabled = this.warmUps.orderedStream().filter(WarmUp::enabled).toList();
		if (!enabled.isEmpty()) {
			Thread runner = new Thread(() -> {
				for (WarmUp warmUp : enabled) {
					if (this.closing) {
						return;
					}
					run(warmUp);
				}
			}, "warm-up");
			runner.setDaemon(true);
			this.thread = runner;
			runner.start();
		}
	}

	/**
	 * A context that closes ends the warm-ups: the rest would only query a closed pool (a
	 * short-lived context, such as the benchmarks' generator, closes right after
	 * starting).
	 */
	@EventListener(ContextClosedEvent.class)
	void closing() {
		this.closing = true;
		Thread runner = this.thread;
		if (runner != null) {
			runner.interrupt();
		}
	}

	private void run(WarmUp warmUp) {
		try {
			warmUp.run();
		}
		catch (RuntimeException ex) {
			if (this.closing) {
				log.debug("Warm-up {} ended by the context closing", warmUp.getClass().getSimpleName(), ex);
			}
			else {
				// never fatal: what it would have readied is done by the first request
				// that needs it
				log.warn("Warm-up {} failed", warmUp.getClass().getSimpleName(), ex);
			}
		}
	}

}
