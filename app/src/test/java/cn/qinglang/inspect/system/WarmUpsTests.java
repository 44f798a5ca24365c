package cn.qinglang.inspect.system;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

class WarmUpsTests {

	static final List<String> ran = new CopyOnWriteArrayList<>();

	static final CountDownLatch done = new CountDownLatch(1);

	@Test
	void enabledWarmUpsRunInTheirOrderOnOneBackgroundThreadAndAFailureStopsNone() throws InterruptedException {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(WarmUps.class,
				Last.class, Disabled.class, Failing.class, First.class)) {
			context.getBean(WarmUps.class).started();

			assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(ran).containsExactly("first on warm-up", "failing on warm-up", "last on warm-up");
		}
	}

	@Test
	void aClosingContextEndsTheWarmUpsNotYetRun() throws InterruptedException {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(WarmUps.class,
				Blocking.class, AfterBlocking.class);
		context.getBean(WarmUps.class).started();
		assertThat(Blocking.started.await(10, TimeUnit.SECONDS)).isTrue();

		context.close();

		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().equals("warm-up")) {
				thread.join(10_000);
			}
		}
		assertThat(Blocking.interrupted).isTrue();
		assertThat(AfterBlocking.ran).isFalse();
	}

	@Order(1)
	static class Blocking implements WarmUp {

		static final CountDownLatch started = new CountDownLatch(1);

		static volatile boolean interrupted;

		@Override
		public boolean enabled() {
			return true;
		}

		@Override
		public void run() {
			started.countDown();
			try {
				new CountDownLatch(1).await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				interrupted = true;
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}

	}

	@Order(2)
	static class AfterBlocking implements WarmUp {

		static volatile boolean ran;

		@Override
		public boolean enabled() {
			return true;
		}

		@Override
		public void run() {
			ran = true;
		}

	}

	private static void ran(String name) {
		ran.add(name + " on " + Thread.currentThread().getName());
	}

	@Order(1)
	static class First implements WarmUp {

		@Override
		public boolean enabled() {
			return true;
		}

		@Override
		public void run() {
			ran("first");
		}

	}

	@Order(2)
	static class Failing implements WarmUp {

		@Override
		public boolean enabled() {
			return true;
		}

		@Override
		public void run() {
			ran("failing");
			throw new IllegalStateException("cannot warm up");
		}

	}

	@Order(3)
	static class Disabled implements WarmUp {

		@Override
		public boolean enabled() {
			return false;
		}

		@Override
		public void run() {
			ran("disabled");
		}

	}

	@Order(4)
	static class Last implements WarmUp {

		@Override
		public boolean enabled() {
			return true;
		}

		@Override
		public void run() {
			ran("last");
			done.countDown();
		}

	}

}
