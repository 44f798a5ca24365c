package cn.qinglang.inspect.feed;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.qinglang.batch.feed.Pushes;
import cn.qinglang.batch.feed.RawRecord;
import cn.qinglang.batch.records.RecordType;
import cn.qinglang.inspect.feed.ApiTokens.ApiToken;

/**
 * {@code POST /api/v1/records}: a platform pushes records of the interface (a JSON array
 * or JSON Lines, gzip accepted) with its token, and gets an answer for every record.
 */
@RestController
class PushApiController {

	static final String CONTRACT = "/api/v1/openapi.json";

	private final PushService service;

	private final PushProperties properties;

	PushApiController(PushService service, PushProperties properties) {
		this.service = service;
		this.properties = properties;
	}

	@PostMapping("/api/v1/records")
	ResponseEntity<?> push(@AuthenticationPrincipal ApiToken token, HttpServletRequest request,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
		// the API speaks Chinese unless the request asks otherwise (no cookie or session
		// language here)
		Locale locale = (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) ? request.getLocale()
				: Locale.SIMPLIFIED_CHINESE;
		long max = this.properties.maxRequestSize().toBytes();
		InputStream body = request.getInputStream();
		if ("gzip".equalsIgnoreCase(request.getHeader(HttpHeaders.CONTENT_ENCODING))) {
			body = new GZIPInputStream(body);
		}
		byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1));
		if (bytes.length > max) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE",
					"the body is over " + this.properties.maxRequestSize().toMegabytes() + " MB");
		}
		List<RawRecord> records = Pushes.read(bytes);
		if (records.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "EMPTY", "the body holds no record");
		}
		// the body's hash tells a retry from another request under the same key; without
		// a
		// key nothing asks for it
		String bodyHash = (idempotencyKey != null) ? ApiTokens.sha256(bytes) : null;
		return ResponseEntity
			.ok(this.service.push(token, records, bodyHash, dryRun, idempotencyKey, request.getRemoteAddr(), locale));
	}

	/**
	 * {@code DELETE /api/v1/records/{type}/{id}}: withdraws a record sent by mistake.
	 * {@code 200 WITHDRAWN}, or {@code 404 NOT_FOUND} when the token's enterprise has no
	 * such record (never sent, or withdrawn already: gone either way).
	 */
	@DeleteMapping("/api/v1/records/{type}/{id}")
	ResponseEntity<?> withdraw(@AuthenticationPrincipal ApiToken token, HttpServletRequest request,
			@PathVariable String type, @PathVariable String id, @RequestParam(defaultValue = "false") boolean dryRun) {
		Optional<RecordType> recordType = RecordType.ofWireName(type);
		if (recordType.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "UNKNOWN_TYPE", "no record type " + type);
		}
		boolean withdrawn = this.service.withdraw(token, recordType.get(), id, dryRun, request.getRemoteAddr());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("sandbox", token.sandbox() || dryRun);
		answer.put("type", recordType.get().wireName());
		answer.put("id", id);
		answer.put("status", withdrawn ? "WITHDRAWN" : "NOT_FOUND");
		return ResponseEntity.status(withdrawn ? HttpStatus.OK : HttpStatus.NOT_FOUND).body(answer);
	}

	/** The API's contract, OpenAPI 3.1, for anyone: no token needed. */
	@GetMapping(path = CONTRACT, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Resource> contract() {
		return ResponseEntity.ok(new ClassPathResource("api/openapi.json"));
	}

	@ExceptionHandler(Pushes.Unreadable.class)
	ResponseEntity<Map<String, String>> unreadable(Pushes.Unreadable ex) {
		return problem(HttpStatus.BAD_REQUEST, "UNREADABLE", ex.getMessage());
	}

	@ExceptionHandler(java.util.zip.ZipException.class)
	ResponseEntity<Map<String, String>> notGzip(java.util.zip.ZipException ex) {
		return problem(HttpStatus.BAD_REQUEST, "UNREADABLE", "Content-Encoding is gzip but the body is not");
	}

	@ExceptionHandler(Pushes.TooMany.class)
	ResponseEntity<Map<String, String>> tooMany(Pushes.TooMany ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "TOO_MANY_RECORDS", ex.getMessage());
	}

	@ExceptionHandler(PushService.KeyReused.class)
	ResponseEntity<Map<String, String>> keyReused(PushService.KeyReused ex) {
		return problem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
				ex.getMessage() + ": a key stands for one request; send new records with a new key");
	}

	@ExceptionHandler(PushService.RateLimited.class)
	ResponseEntity<Map<String, String>> rateLimited(PushService.RateLimited ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(Map.of("error", "RATE_LIMITED", "message",
					"more than " + this.properties.requestsPerMinute() + " requests a minute with this token"));
	}

	private static ResponseEntity<Map<String, String>> problem(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
	}

}
