package cn.qinglang.batch.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Fetches pages of records from a platform:
 * {@code GET <base>/v1/records?cursor=…&limit=…} with the bearer token. Time-outs,
 * connection failures and 5xx are retried with back-off; 401/403, TLS failures and pages
 * that are not the interface's end the run.
 */
public class PlatformClient {

	/** Each wait before a retry is this many times the one before ... */
	private static final int BACKOFF_MULTIPLIER = 2;

	/** ... and at most this many times the first. */
	private static final int MAX_DELAY_FACTOR = 16;

	/** The longest cursor the portal keeps ({@code feed.cursor_value}). */
	static final int MAX_CURSOR_LENGTH = 500;

	/** The longest a platform's {@code Retry-After} is waited for. */
	static final java.time.Duration MAX_RETRY_AFTER = java.time.Duration.ofSeconds(60);

	/** How the portal names itself to the platforms it pulls from (interface v1.1). */
	static final String USER_AGENT = "QinglangInspect/1.1 (platform reporting interface v1.1)";

	private final HttpClient http;

	private final JsonMapper json;

	private final RetryTemplate retry;

	private final Duration timeout;

	private final LocalDate since;

	public PlatformClient(JsonMapper json, FeedJobProperties properties) {
		this.json = json;
		this.timeout = properties.requestTimeout();
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.requestTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(properties.retries())
			.delay(properties.retryDelay())
			.multiplier(BACKOFF_MULTIPLIER)
			.maxDelay(properties.retryDelay().multipliedBy(MAX_DELAY_FACTOR))
			.predicate(Transient.class::isInstance)
			.build());
		this.since = null;
	}

	private PlatformClient(PlatformClient client, LocalDate since) {
		this.json = client.json;
		this.timeout = client.timeout;
		this.http = client.http;
		this.retry = client.retry;
		this.since = since;
	}

	/**
	 * The waits before the retries of a failed attempt, as the retry policy makes them.
	 */
	public static List<Duration> retryDelays(int retries, Duration first) {
		List<Duration> delays = new ArrayList<>(retries);
		Duration delay = first;
		for (int retry = 0; retry < retries; retry++) {
			delays.add(delay);
			Duration next = delay.multipliedBy(BACKOFF_MULTIPLIER);
			delay = (next.compareTo(first.multipliedBy(MAX_DELAY_FACTOR)) > 0) ? first.multipliedBy(MAX_DELAY_FACTOR)
					: next;
		}
		return delays;
	}

	/**
	 * This client, asking for the records from the day on ({@code since}) when it has no
	 * cursor: a feed whose cursor an administrator reset to a day.
	 */
	public PlatformClient since(LocalDate day) {
		return new PlatformClient(this, day);
	}

	/** One page, after the record numbered {@code firstPosition - 1}. */
	public Page fetch(String baseUrl, String token, String cursor, int limit, long firstPosition) {
		String from = (cursor != null) ? "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)
				: (this.since != null) ? "&since=" + this.since : "";
		URI uri = URI.create(baseUrl.replaceAll("/+$", "") + "/v1/records?limit=" + limit + from);
		try {
			return this.retry.execute(() -> fetchOnce(uri, token, cursor, limit, firstPosition));
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			if (last instanceof FeedException feed) {
				throw feed;
			}
			throw new FeedException("platform unreachable after " + (ex.getRetryCount() + 1) + " attempts at "
					+ ((cursor != null) ? "cursor " + cursor : "the start") + ": " + last.getMessage(), last);
		}
	}

	private Page fetchOnce(URI uri, String token, String cursor, int limit, long firstPosition) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.header("User-Agent", USER_AGENT)
			.GET()
			.build();
		HttpResponse<InputStream> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (SSLException ex) {
			throw new FeedException("TLS connection to " + uri.getHost() + " failed: " + ex.getMessage(), ex);
		}
		catch (HttpTimeoutException ex) {
			throw new Transient("no answer from " + hostAndPort(uri) + " within " + this.timeout.toSeconds() + " s ("
					+ cause(ex) + ")", ex);
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof SSLException ssl) {
				throw new FeedException("TLS connection to " + uri.getHost() + " failed: " + ssl.getMessage(), ssl);
			}
			throw new Transient("connection to " + hostAndPort(uri) + " failed: " + cause(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FeedException("interrupted", ex);
		}
		StalledBodies.Watched watched = StalledBodies.watch(response.body(), this.timeout);
		try (InputStream body = watched) {
			int status = response.statusCode();
			if (status == 401 || status == 403) {
				throw new FeedException("the platform refused the token (HTTP " + status
						+ "); check the feed's token. Cursor left at " + cursor);
			}
			if (status >= 500 || status == 429) {
				waitAsAsked(response.headers().firstValue("Retry-After").orElse(null));
				throw new Transient("HTTP " + status + " from " + uri, null);
			}
			if (status != 200) {
				throw new FeedException("unexpected HTTP " + status + " from " + uri + "; cursor left at " + cursor);
			}
			return parse(body, cursor, limit, firstPosition);
		}
		catch (IOException ex) {
			throw new Transient("reading the page failed: " + ex.getMessage(), ex);
		}
		catch (FeedException ex) {
			// a page cut off because it stalled is not malformed: it is tried again
			if (watched.stalled()) {
				throw new Transient("reading the page from " + hostAndPort(uri) + " failed: nothing came for "
						+ ((this.timeout.toMillis() % 1000 == 0) ? String.valueOf(this.timeout.toSeconds())
								: String.valueOf(this.timeout.toMillis() / 1000.0))
						+ " s", ex);
			}
			throw ex;
		}
	}

	/**
	 * Waits the seconds a platform's {@code Retry-After} asks for (at most
	 * {@link #MAX_RETRY_AFTER}) before the retry's own back-off; a date or anything else
	 * is not waited for.
	 */
	private static void waitAsAsked(String retryAfter) {
		if (retryAfter == null || !retryAfter.strip().matches("\\d{1,6}")) {
			return;
		}
		long seconds = Math.min(MAX_RETRY_AFTER.toSeconds(), Long.parseLong(retryAfter.strip()));
		try {
			Thread.sleep(seconds * 1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FeedException("interrupted", ex);
		}
	}

	/**
	 * Reads the page as it streams in, each record straight into its text values: the
	 * whole page is never held as a JSON tree, and never more records than asked for.
	 * @throws FeedException if the page is not one of the interface
	 */
	Page parse(InputStream body, String cursor, int limit, long firstPosition) {
		List<RawRecord> records = null;
		JsonToken hasMore = null;
		JsonToken next = JsonToken.VALUE_NULL;
		String nextCursor = null;
		Long remaining = null;
		try (JsonParser parser = this.json.createParser(body)) {
			if (parser.nextToken() == JsonToken.START_OBJECT) {
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					JsonToken value = parser.nextToken();
					if (name.equals("records") && value == JsonToken.START_ARRAY) {
						records = records(parser, cursor, limit, firstPosition);
						continue;
					}
					switch (name) {
						case "records" -> records = null;
						case "has_more" -> hasMore = value;
						case "next_cursor" -> {
							next = value;
							nextCursor = (value == JsonToken.VALUE_STRING) ? parser.getString() : null;
						}
						case "remaining" -> remaining = (value == JsonToken.VALUE_NUMBER_INT)
								? parser.getNumberValue().longValue() : null;
						default -> {
						}
					}
					parser.skipChildren();
				}
				if (parser.nextToken() != null) {
					throw new FeedException("malformed page at cursor " + cursor
							+ ": not JSON (content after the page's object); cursor left where it was");
				}
			}
		}
		catch (JacksonException ex) {
			throw new FeedException("malformed page at cursor " + cursor + ": not JSON (" + ex.getOriginalMessage()
					+ "); cursor left where it was");
		}
		if (records == null || (hasMore != JsonToken.VALUE_TRUE && hasMore != JsonToken.VALUE_FALSE)
				|| !(next == JsonToken.VALUE_STRING || next == JsonToken.VALUE_NULL)) {
			throw new FeedException("malformed page at cursor " + cursor
					+ ": needs \"records\" (array), \"has_more\" (boolean) and \"next_cursor\"; cursor left where it was");
		}
		if (hasMore == JsonToken.VALUE_TRUE && (nextCursor == null || nextCursor.equals(cursor))) {
			throw new FeedException("malformed page at cursor " + cursor
					+ ": has_more is true but next_cursor does not move on; cursor left where it was");
		}
		if (nextCursor != null && nextCursor.length() > MAX_CURSOR_LENGTH) {
			throw new FeedException("malformed page at cursor " + cursor + ": next_cursor is longer than "
					+ MAX_CURSOR_LENGTH + " characters; cursor left where it was");
		}
		return new Page(records, (nextCursor != null) ? nextCursor : cursor, hasMore == JsonToken.VALUE_TRUE,
				remaining);
	}

	private static List<RawRecord> records(JsonParser parser, String cursor, int limit, long firstPosition) {
		List<RawRecord> records = new ArrayList<>();
		long position = firstPosition;
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			if (token == null) {
				throw new FeedException("malformed page at cursor " + cursor
						+ ": not JSON (it ends inside the records); cursor left where it was");
			}
			if (records.size() == limit) {
				throw new FeedException("malformed page at cursor " + cursor + ": more than the " + limit
						+ " records asked for; cursor left where it was");
			}
			records.add(JsonRecords.read(position++, parser));
		}
		return records;
	}

	private static String hostAndPort(URI uri) {
		int port = (uri.getPort() != -1) ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
		return "host " + uri.getHost() + " port " + port;
	}

	/**
	 * What failed, in words. The JDK's HTTP client gives a refused connection as a
	 * ConnectException without a message over a ClosedChannelException without one (it
	 * came out as "connection failed: null"), an unknown host the same over an
	 * UnresolvedAddressException: their types say what happened.
	 */
	static String cause(Throwable failure) {
		List<String> messages = new ArrayList<>();
		Throwable root = failure;
		for (int depth = 0; depth < 10; depth++) {
			String message = root.getMessage();
			if (message != null && !message.isBlank() && !messages.contains(message)) {
				messages.add(message);
			}
			if (root.getCause() == null) {
				break;
			}
			root = root.getCause();
		}
		String kind = " (" + failure.getClass().getSimpleName() + ")";
		if (!messages.isEmpty()) {
			return String.join("; ", messages) + kind;
		}
		if (root instanceof UnresolvedAddressException || root instanceof UnknownHostException) {
			return "host name not found" + kind;
		}
		if (root instanceof NoRouteToHostException) {
			return "no route to host" + kind;
		}
		if (failure instanceof HttpConnectTimeoutException) {
			return "no connection within the time-out" + kind;
		}
		if (failure instanceof ConnectException) {
			return "connection refused" + kind;
		}
		return failure.getClass().getSimpleName();
	}

	/**
	 * A page of records.
	 *
	 * @param records its records, in order
	 * @param nextCursor where the next page starts (the same cursor when there is none)
	 * @param hasMore whether another page follows
	 * @param remaining records after this page, if the platform says
	 */
	public record Page(List<RawRecord> records, String nextCursor, boolean hasMore, Long remaining) {
	}

	/** Worth another try: a time-out, a refused connection, a 5xx. */
	static final class Transient extends RuntimeException {

		Transient(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
