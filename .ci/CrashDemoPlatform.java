import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The platform endpoint of {@code .ci/crash-demo}: interface v1 on 127.0.0.1, serving
 * exactly N complaints of one enterprise (ids c0 … c(N-1), received on 28 days from
 * 2026-05-01), the record index as cursor, each page answered after a pause so that the
 * pull lasts long enough to be killed in the middle. Run as a single-file program:
 * {@code java .ci/CrashDemoPlatform.java N PORT CREDIT_CODE TOKEN PAUSE_MS}.
 */
public final class CrashDemoPlatform {

	public static void main(String[] args) throws IOException {
		int total = Integer.parseInt(args[0]);
		String credit = args[2];
		String token = args[3];
		long pause = Long.parseLong(args[4]);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 0);
		server.createContext("/v1/records", (exchange) -> serve(exchange, total, credit, token, pause));
		server.start();
		System.out.println("platform: " + total + " complaints on port " + server.getAddress().getPort());
	}

	private static void serve(HttpExchange exchange, int total, String credit, String token, long pause)
			throws IOException {
		if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, "{\"error\":\"invalid_token\"}");
			return;
		}
		Map<String, String> query = new HashMap<>();
		String raw = exchange.getRequestURI().getRawQuery();
		for (String pair : (raw != null) ? raw.split("&") : new String[0]) {
			int eq = pair.indexOf('=');
			query.put(pair.substring(0, eq), pair.substring(eq + 1));
		}
		int from = Integer.parseInt(query.getOrDefault("cursor", "0"));
		int to = Math.min(total, from + Integer.parseInt(query.getOrDefault("limit", "1000")));
		StringBuilder page = new StringBuilder("{\"records\":[");
		for (int i = from; i < to; i++) {
			page.append((i > from) ? "," : "")
				.append("{\"type\":\"complaint\",\"id\":\"c")
				.append(i)
				.append("\",\"enterprise\":\"")
				.append(credit)
				.append("\",\"received_at\":\"")
				.append(LocalDate.of(2026, 5, 1).plusDays(i % 28))
				.append("T09:30:00+08:00\",\"category\":\"FABRICATION\",\"content_type\":\"VIDEO\",")
				.append("\"channel\":\"IN_APP_REPORT\",\"status\":\"RECEIVED\",\"summary\":\"crash demo\"}");
		}
		page.append("],\"next_cursor\":\"")
			.append(to)
			.append("\",\"has_more\":")
			.append(to < total)
			.append(",\"remaining\":")
			.append(total - to)
			.append('}');
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		respond(exchange, 200, page.toString());
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
