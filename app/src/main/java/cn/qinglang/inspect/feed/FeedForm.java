package cn.qinglang.inspect.feed;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator enters for a feed. The token is write-only: empty keeps the
 * stored one, and it is never shown back.
 */
record FeedForm(
		@Size(max = 500) @Pattern(regexp = "(https?://[^\\s<>\"]+)?",
				message = "{feed.baseUrl.invalid}") String baseUrl,
		@Size(max = 2000) @Pattern(regexp = "[^\\s]*", message = "{feed.token.invalid}") String token,
		@Size(max = 64) String scheduleCron, boolean enabled) {

	static FeedForm empty() {
		return new FeedForm("", "", "", false);
	}

	static FeedForm of(FeedConfig feed) {
		return new FeedForm(feed.baseUrl(), "", feed.scheduleCron(), feed.enabled());
	}

	FeedForm normalized() {
		return new FeedForm(blankToNull(this.baseUrl), blankToNull(this.token), blankToNull(this.scheduleCron),
				this.enabled);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
