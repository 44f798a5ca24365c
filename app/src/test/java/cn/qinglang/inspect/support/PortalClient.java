package cn.qinglang.inspect.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: real HTTP against the running portal, with cookies and the
 * CSRF token taken from the page's form, redirects not followed.
 */
public final class PortalClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final HttpClient http;

	/** The session cookie: Spring Session's, the session kept in the database. */
	public static final String SESSION_COOKIE = "SESSION";

	private final CookieManager cookies;

	public PortalClient(int port) {
		this(port, new CookieManager());
	}

	private PortalClient(int port, CookieManager cookies) {
		this.baseUrl = "http://localhost:" + port;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * The same browser, its cookies shared, talking to another portal node (as a load
	 * balancer would send it there).
	 */
	public PortalClient onPort(int port) {
		return new PortalClient(port, this.cookies);
	}

	/** The CSRF token of the form on a page. */
	public String csrfToken(String pagePath) throws IOException, InterruptedException {
		Matcher token = CSRF.matcher(get(pagePath).body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on " + pagePath);
		}
		return token.group(1);
	}

	/**
	 * Posts a form with the CSRF token given (taken from a page, maybe of another node).
	 */
	public HttpResponse<String> post(String actionPath, String csrfToken, Map<String, String> fields)
			throws IOException, InterruptedException {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&", "_csrf=" + encode(csrfToken) + "&", ""));
		return this.http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + actionPath))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(this.baseUrl + path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * As a browser that accepts gzip asks for it: the bytes as they came over the wire.
	 */
	public HttpResponse<byte[]> getAcceptingGzip(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Accept", "text/html")
			.header("Accept-Encoding", "gzip")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Posts a form with the CSRF token of the page it is on. */
	public HttpResponse<String> postForm(String pagePath, String actionPath, Map<String, String> fields)
			throws IOException, InterruptedException {
		return post(actionPath, csrfToken(pagePath), fields);
	}

	/**
	 * Posts a file as a browser's upload form does (multipart/form-data), with the CSRF
	 * token of the page it is on and the other fields given.
	 */
	public HttpResponse<String> postFile(String pagePath, String actionPath, String fileName, byte[] content,
			Map<String, String> fields) throws IOException, InterruptedException {
		Matcher token = CSRF.matcher(get(pagePath).body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on " + pagePath);
		}
		String boundary = "----qinglang" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", token.group(1));
		for (Map.Entry<String, String> field : all.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + actionPath))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
		return postForm("/login", "/login", Map.of("username", username, "password", password));
	}

	/** The session cookie's value, as the browser sends it. */
	public String sessionCookie() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(SESSION_COOKIE))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** The session's id, as Spring Session keeps it (the cookie holds it in Base64). */
	public String sessionId() {
		String cookie = sessionCookie();
		return (cookie != null) ? new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8) : null;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
