package cn.qinglang.inspect.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** One signed-in browser of a benchmark: its own cookies, its own session. */
final class BenchUser {

	static final String PASSWORD = "qinglang-demo";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String name;

	private final HttpClient client;

	BenchUser(String name) {
		this.name = name;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	String name() {
		return this.name;
	}

	void signIn(String base) throws Exception {
		String form = this.client
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(form);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login form");
		}
		String body = "username=" + URLEncoder.encode(this.name, StandardCharsets.UTF_8) + "&password=" + PASSWORD
				+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException(this.name + " could not sign in: " + response.statusCode());
		}
	}

	/** The page as a browser asks for it (compressed if the server offers it). */
	HttpResponse<byte[]> fetch(String base, String path) throws Exception {
		return this.client.send(
				HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Encoding", "gzip").build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	static byte[] decoded(HttpResponse<byte[]> response) throws IOException {
		if (!response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
			return response.body();
		}
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
			return in.readAllBytes();
		}
	}

	/** The whole page's latency in ms; anything but the page fails the run. */
	double get(String base, String path) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		double ms = (System.nanoTime() - start) / 1e6;
		if (response.statusCode() != 200 || !response.body().contains("</html>")) {
			throw new IllegalStateException(this.name + " " + path + ": " + response.statusCode());
		}
		return ms;
	}

}
