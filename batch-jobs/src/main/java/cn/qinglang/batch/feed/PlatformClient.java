package cn.qinglang.batch.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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

	private final HttpClient http;

	private final JsonMapper json;

	private final RetryTemplate retry;

	private final Duration timeout;

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
			.multiplier(2)
			.maxDelay(properties.retryDelay().multipliedBy(16))
			.predicate(Transient.class::isInstance)
			.build());
	}

	/** One page, after the record numbered {@code firstPosition - 1}. */
	public Page fetch(String baseUrl, String token, String cursor, int limit, long firstPosition) {
		URI uri = URI.create(baseUrl.replaceAll("/+$", "") + "/v1/records?limit=" + limit
				+ ((cursor != null) ? "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) : ""));
		try {
			return this.retry.execute(() -> fetchOnce(uri, token, cursor, firstPosition));
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			if (last instanceof FeedException feed) {
				throw feed;
			}
			throw new FeedException("platform unreachable after " + (ex.getRetryCount() + 1) + " attempts at cursor "
					+ cursor + ": " + last.getMessage(), last);
		}
	}

	private Page fetchOnce(URI uri, String token, String cursor, long firstPosition) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
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
			throw new Transient("timed out: " + uri, ex);
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof SSLException ssl) {
				throw new FeedException("TLS connection to " + uri.getHost() + " failed: " + ssl.getMessage(), ssl);
			}
			throw new Transient("connection failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FeedException("interrupted", ex);
		}
		try (InputStream body = response.body()) {
			int status = response.statusCode();
			if (status == 401 || status == 403) {
				throw new FeedException("the platform refused the token (HTTP " + status
						+ "); check the feed's token. Cursor left at " + cursor);
			}
			if (status >= 500 || status == 429) {
				throw new Transient("HTTP " + status + " from " + uri, null);
			}
			if (status != 200) {
				throw new FeedException("unexpected HTTP " + status + " from " + uri + "; cursor left at " + cursor);
			}
			return parse(body, cursor, firstPosition);
		}
		catch (IOException ex) {
			throw new Transient("reading the page failed: " + ex.getMessage(), ex);
		}
	}

	private Page parse(InputStream body, String cursor, long firstPosition) {
		JsonNode page;
		try {
			page = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new FeedException("malformed page at cursor " + cursor + ": not JSON (" + ex.getOriginalMessage()
					+ "); cursor left where it was");
		}
		JsonNode records = page.path("records");
		JsonNode next = page.path("next_cursor");
		if (!page.isObject() || !records.isArray() || !page.path("has_more").isBoolean()
				|| !(next.isString() || next.isNull() || next.isMissingNode())) {
			throw new FeedException("malformed page at cursor " + cursor
					+ ": needs \"records\" (array), \"has_more\" (boolean) and \"next_cursor\"; cursor left where it was");
		}
		boolean hasMore = page.path("has_more").booleanValue();
		String nextCursor = next.isString() ? next.stringValue() : null;
		if (hasMore && (nextCursor == null || nextCursor.equals(cursor))) {
			throw new FeedException("malformed page at cursor " + cursor
					+ ": has_more is true but next_cursor does not move on; cursor left where it was");
		}
		List<RawRecord> items = new ArrayList<>(records.size());
		long position = firstPosition;
		for (JsonNode record : records) {
			items.add(JsonRecords.toRaw(position++, record));
		}
		JsonNode remaining = page.path("remaining");
		return new Page(items, (nextCursor != null) ? nextCursor : cursor, hasMore,
				remaining.isIntegralNumber() ? remaining.longValue() : null);
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
