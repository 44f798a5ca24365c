package cn.qinglang.inspect.feed;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A missing or truncated submission is flagged rather than charted as an improvement: a
 * feed silent for more than two days, or a day far below the feed's own recent norm.
 */
@PortalTest
class DataFreshnessIT {

	@Autowired
	DataFreshness freshness;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void feedThatNeverRanIsSilent() {
		Freshness never = this.freshness.of(10);

		assertThat(never.dataAsOf()).isNull();
		assertThat(never.silent()).isTrue();
	}

	@Test
	void feedWithoutSuccessForThreeDaysIsFlaggedSilent() {
		feedSucceeded(11, 3 * 24);
		dailyRecords(11, 100, 90);

		Freshness stale = this.freshness.of(11);

		assertThat(stale.silent()).isTrue();
		assertThat(stale.volumeDrop()).isFalse();
	}

	@Test
	void dayFarBelowTheRecentNormIsFlaggedWithExpectedAgainstReceived() throws Exception {
		feedSucceeded(12, 1);
		dailyRecords(12, 100, 10);

		Freshness dropped = this.freshness.of(12);

		assertThat(dropped.silent()).isFalse();
		assertThat(dropped.volumeDrop()).isTrue();
		assertThat(dropped.expected()).isEqualTo(100);
		assertThat(dropped.received()).isEqualTo(10);
		this.mvc.perform(get("/enterprises/12/feed").session(SignIn.as(this.mvc, "inspector")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"stale-flag\"")));
	}

	@Test
	void dayWithinTheNormOfAFreshFeedIsNotFlagged() throws Exception {
		feedSucceeded(13, 1);
		dailyRecords(13, 100, 95);

		assertThat(this.freshness.of(13).flagged()).isFalse();
		this.mvc.perform(get("/enterprises/13/feed").session(SignIn.as(this.mvc, "inspector")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"stale-flag\""))));
	}

	private void feedSucceeded(long enterpriseId, int hoursAgo) {
		this.jdbc.sql("""
				INSERT INTO feed (enterprise_id, last_success_at)
				VALUES (:e, TIMESTAMPADD(HOUR, -:hours, UTC_TIMESTAMP(6)))""")
			.param("e", enterpriseId)
			.param("hours", hoursAgo)
			.update();
	}

	/**
	 * 28 days at the norm, then the latest day at the given volume: text complaints, and
	 * the rolled-up rows that sum the content types.
	 */
	private void dailyRecords(long enterpriseId, long norm, long latest) {
		LocalDate last = LocalDate.of(2026, 11, 1);
		for (int back = 28; back >= 0; back--) {
			for (String contentType : List.of("TEXT", "*")) {
				this.jdbc.sql("""
						INSERT INTO complaint_agg (grain, period_start, enterprise_id, content_type, received, handled,
						  hb0, hb1, hb2, hb3, hb4, hb5, hb6, hb7, hb8, hb9, hb10, hb11, hb12)
						VALUES ('D', :day, :e, :type, :n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)""")
					.param("e", enterpriseId)
					.param("day", last.minusDays(back))
					.param("type", contentType)
					.param("n", (back == 0) ? latest : norm)
					.update();
			}
		}
	}

}
