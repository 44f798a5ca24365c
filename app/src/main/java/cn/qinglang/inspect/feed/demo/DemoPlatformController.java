package cn.qinglang.inspect.feed.demo;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.context.annotation.Profile;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.qinglang.batch.records.PlatformInterface;
import cn.qinglang.inspect.enterprise.Unscoped;

/**
 * Demo profile only: every demo enterprise's platform endpoint of interface v1 at
 * {@code /demo-platform/<code>/v1/records}, with the bearer token {@code demo-<code>};
 * {@code since} (a day) starts a pull without a cursor at that day.
 */
@Unscoped("the demo platform's endpoint serves every demo enterprise's records, as a platform would")
@RestController
@Profile("demo")
class DemoPlatformController {

	private final JdbcClient jdbc;

	private final DemoProperties properties;

	private final Clock clock;

	DemoPlatformController(JdbcClient jdbc, DemoProperties properties, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@GetMapping(path = "/demo-platform/{code}/v1/records", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> records(@PathVariable String code, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			@RequestParam(defaultValue = "1000") int limit,
			@RequestHeader(name = "Authorization", required = false) String authorization) {
		if (!("Bearer " + DemoFeeds.token(code)).equals(authorization)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body("{\"error\":\"invalid_token\"}");
		}
		return this.jdbc.sql("SELECT id, credit_code FROM enterprise WHERE code = :code")
			.param("code", code)
			.query((rs, row) -> new DemoPlatform(this.properties.seed(), rs.getLong(1), rs.getString(2),
					this.clock.getZone()))
			.optional()
			.map((platform) -> {
				try {
					String from = (cursor == null && since != null) ? since + ":0" : cursor;
					return ResponseEntity.ok(platform.page(from,
							Math.max(1, Math.min(limit, PlatformInterface.MAX_PAGE_SIZE)), LocalDate.now(this.clock)));
				}
				catch (RuntimeException ex) {
					return ResponseEntity.badRequest().body("{\"error\":\"invalid_cursor\"}");
				}
			})
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body("{\"error\":\"unknown_platform\"}"));
	}

}
