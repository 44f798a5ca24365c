package cn.qinglang.batch.feed;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A platform that sends a page's headers and part of its body, then nothing: the attempt
 * fails within the request's time-out (and is retried) instead of holding the run.
 */
class StalledPageTests {

	@Test
	void aPageThatStopsComingFailsTheAttemptWithinTheTimeOut() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v1/records", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			out.write("{\"records\":[{\"type\":\"complaint\",".getBytes(StandardCharsets.UTF_8));
			out.flush();
			try {
				Thread.sleep(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
		// each attempt on a thread of its own: the first stalls for 10 s
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
		try {
			PlatformClient client = new PlatformClient(JsonMapper.builder().build(),
					new FeedJobProperties(10, 2, Duration.ofMillis(400), 1, Duration.ofMillis(1), 2,
							Duration.ofSeconds(10), Duration.ofSeconds(30), true, null));
			long started = System.nanoTime();

			assertThatThrownBy(() -> client.fetch("http://127.0.0.1:" + server.getAddress().getPort(), "t", null, 2, 1))
				.isInstanceOf(FeedException.class)
				.hasMessageContaining("after 2 attempts")
				.hasMessageContaining("nothing came for");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two attempts of 0.4 s, not 10 s")
				.isLessThan(Duration.ofSeconds(5));
		}
		finally {
			server.stop(0);
		}
	}

}
