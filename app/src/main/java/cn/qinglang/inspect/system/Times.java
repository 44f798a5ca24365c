package cn.qinglang.inspect.system;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

/**
 * Times are kept as UTC {@code DATETIME(6)} columns and shown in the display zone.
 * Binding {@link LocalDateTime} values in UTC keeps the JDBC driver from converting
 * through the JVM's default zone. Templates use it as {@code @times}.
 */
@Component("times")
public class Times {

	private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final PortalProperties properties;

	Times(PortalProperties properties) {
		this.properties = properties;
	}

	public static LocalDateTime toDb(Instant instant) {
		return (instant != null) ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	/**
	 * The first moment of a day in a zone, as the database stores times: a period's days
	 * [from, to] are the times from {@code startOfDay(from)} up to, not including,
	 * {@code startOfDay(to + 1)}, which the indexes of the time columns can serve.
	 */
	public static LocalDateTime startOfDay(LocalDate day, ZoneId zone) {
		return toDb(day.atStartOfDay(zone).toInstant());
	}

	public static Instant fromDb(LocalDateTime utc) {
		return (utc != null) ? utc.toInstant(ZoneOffset.UTC) : null;
	}

	/**
	 * Now by the clock, at the precision of the database columns, so that what is hashed
	 * is what is stored.
	 */
	public static Instant now(Clock clock) {
		return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * The instant if it is still ahead by the clock (a lock still running), else null.
	 */
	public static Instant stillAhead(Instant instant, Clock clock) {
		return (instant != null && instant.isAfter(clock.instant())) ? instant : null;
	}

	public String format(Instant instant) {
		return (instant != null) ? DISPLAY.format(instant.atZone(this.properties.displayZone())) : "";
	}

}
