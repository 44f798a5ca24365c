package cn.qinglang.inspect.feed.demo;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.qinglang.batch.feed.FeedRuns;
import cn.qinglang.batch.feed.TokenCipher;

import cn.qinglang.inspect.enterprise.Unscoped;

/**
 * Demo profile: at the first start, every demo enterprise gets a feed pointing at its
 * simulated platform, and all of them are pulled once through the real job, in the
 * background, so that every page has data. Later starts find the feeds and leave them to
 * the schedule.
 */
@Unscoped("the demo profile's own ingestion, for every demo enterprise")
@Component
@Profile("demo")
@EnableConfigurationProperties(DemoProperties.class)
class DemoFeeds {

	private static final Logger log = LoggerFactory.getLogger(DemoFeeds.class);

	private final JdbcClient jdbc;

	private final FeedRuns feedRuns;

	private final TokenCipher cipher;

	private final DemoProperties properties;

	private final Environment environment;

	DemoFeeds(JdbcClient jdbc, FeedRuns feedRuns, TokenCipher cipher, DemoProperties properties,
			Environment environment) {
		this.jdbc = jdbc;
		this.feedRuns = feedRuns;
		this.cipher = cipher;
		this.properties = properties;
		this.environment = environment;
	}

	static String token(String code) {
		return "demo-" + code;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ingestAtFirstStart() {
		if (!this.properties.ingestOnStart() || hasDemoFeeds()) {
			return;
		}
		String base = (this.properties.baseUrl() != null && !this.properties.baseUrl().isBlank())
				? this.properties.baseUrl()
				: "http://127.0.0.1:" + this.environment.getProperty("local.server.port", "8080");
		List<Enterprise> enterprises = this.jdbc.sql("SELECT id, code FROM enterprise ORDER BY id")
			.query((rs, row) -> new Enterprise(rs.getLong(1), rs.getString(2)))
			.list();
		// several nodes starting at once: each configures and pulls the feeds it inserted
		List<Enterprise> configured = new ArrayList<>();
		for (Enterprise enterprise : enterprises) {
			try {
				if (this.jdbc.sql("""
						INSERT IGNORE INTO feed (enterprise_id, base_url, token_ciphertext, enabled)
						VALUES (:e, :url, :token, TRUE)""")
					.param("e", enterprise.id())
					.param("url", base + "/demo-platform/" + enterprise.code())
					.param("token", this.cipher.encrypt(token(enterprise.code())))
					.update() == 1) {
					configured.add(enterprise);
				}
			}
			catch (RuntimeException ex) {
				// another node's insert of the same feed won at commit
				log.info("Demo: feed of {} configured by another node ({})", enterprise.code(), ex.getMessage());
			}
		}
		Thread ingestion = new Thread(() -> ingest(configured), "demo-feed-ingestion");
		ingestion.setDaemon(true);
		ingestion.start();
	}

	private void ingest(List<Enterprise> enterprises) {
		long started = System.nanoTime();
		log.info("Demo: pulling the simulated platforms of {} enterprises in the background", enterprises.size());
		for (Enterprise enterprise : enterprises) {
			try {
				this.feedRuns.executePull(this.feedRuns.claimPull(enterprise.id(), "demo"));
			}
			catch (RuntimeException ex) {
				log.warn("Demo: feed of {} not ingested: {}", enterprise.code(), ex.getMessage());
			}
		}
		log.info("Demo: feeds ingested in {} s", (System.nanoTime() - started) / 1_000_000_000);
	}

	private boolean hasDemoFeeds() {
		return this.jdbc.sql("SELECT COUNT(*) FROM feed WHERE base_url LIKE '%/demo-platform/%'")
			.query(Long.class)
			.single() > 0;
	}

	private record Enterprise(long id, String code) {
	}

}
