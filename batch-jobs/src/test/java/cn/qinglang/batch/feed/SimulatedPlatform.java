package cn.qinglang.batch.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A platform's endpoint of interface v1 on a local port, serving the given records with
 * the record index as cursor. {@link #failWith} makes the pages from an index answer with
 * a status instead, for the given number of times (or for good).
 */
final class SimulatedPlatform implements AutoCloseable {

	static final String TOKEN = "platform-secret-token";

	private final HttpServer server;

	private final List<String> records;

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final List<String> userAgents = new CopyOnWriteArrayList<>();

	private final List<Long> requestMillis = new CopyOnWriteArrayList<>();

	private volatile String retryAfter;

	private volatile int failFrom = Integer.MAX_VALUE;

	private volatile int failStatus;

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private volatile String body;

	private volatile long pageMillis;

	SimulatedPlatform(List<String> records) throws IOException {
		this.records = records;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/records", this::serve);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<String> requests() {
		return this.requests;
	}

	/** When each request came, by the system's monotonic clock, in milliseconds. */
	List<Long> requestMillis() {
		return this.requestMillis;
	}

	/** The failures of {@link #failWith} say when to try again. */
	void retryAfter(String seconds) {
		this.retryAfter = seconds;
	}

	/** The User-Agent of each request. */
	List<String> userAgents() {
		return this.userAgents;
	}

	void failWith(int status, int fromIndex, int times) {
		this.failStatus = status;
		this.failFrom = fromIndex;
		this.failuresLeft.set(times);
	}

	void recover() {
		this.failFrom = Integer.MAX_VALUE;
	}

	/** Every page is answered this much later, as a slow platform would. */
	void slowDown(long millisPerPage) {
		this.pageMillis = millisPerPage;
	}

	/** Every page answers with this body instead. */
	void answerWith(String body) {
		this.body = body;
	}

	private void serve(HttpExchange exchange) throws IOException {
		Map<String, String> query = Queries.parse(exchange.getRequestURI().getRawQuery());
		int from = query.containsKey("cursor") ? Integer.parseInt(query.get("cursor")) : 0;
		int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
		this.requests.add("cursor=" + from + (query.containsKey("since") ? " since=" + query.get("since") : ""));
		this.userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
		this.requestMillis.add(System.nanoTime() / 1_000_000);
		pause();
		if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, "{\"error\":\"invalid_token\"}");
			return;
		}
		if (from >= this.failFrom && this.failuresLeft.getAndUpdate(decrement()) > 0) {
			if (this.retryAfter != null) {
				exchange.getResponseHeaders().add("Retry-After", this.retryAfter);
			}
			respond(exchange, this.failStatus, "{\"error\":\"unavailable\"}");
			return;
		}
		if (this.body != null) {
			respond(exchange, 200, this.body);
			return;
		}
		int to = Math.min(this.records.size(), from + limit);
		String page = "{\"records\":[" + String.join(",", this.records.subList(from, to)) + "],\"next_cursor\":\"" + to
				+ "\",\"has_more\":" + (to < this.records.size()) + ",\"remaining\":" + (this.records.size() - to)
				+ "}";
		respond(exchange, 200, page);
	}

	private void pause() {
		try {
			Thread.sleep(this.pageMillis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static IntUnaryOperator decrement() {
		return (left) -> (left == Integer.MAX_VALUE) ? left : left - 1;
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private static final class Queries {

		static Map<String, String> parse(String raw) {
			Map<String, String> values = new java.util.HashMap<>();
			if (raw != null) {
				for (String pair : raw.split("&")) {
					int eq = pair.indexOf('=');
					values.put(pair.substring(0, eq),
							java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
			return values;
		}

	}

}
