package cn.qinglang.inspect.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import cn.qinglang.inspect.security.PortalUser;

/**
 * Who exported a report and when, as printed lightly across every PDF page and given to
 * the templates as the parameters {@code exportedBy} and {@code exportedAt}.
 */
public record Watermark(String viewer, String exportedAt) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	public static Watermark of(String viewer, Instant at, ZoneId zone) {
		return new Watermark(viewer, TIME.format(at.atZone(zone)));
	}

	/** The user by name (and account), at the moment of the request. */
	public static Watermark of(PortalUser user, Instant at, ZoneId zone) {
		String name = user.displayName();
		return of((name != null && !name.isBlank()) ? name + "（" + user.getUsername() + "）" : user.getUsername(), at,
				zone);
	}

	public String text() {
		return this.viewer + "  " + this.exportedAt;
	}

}
