package cn.qinglang.inspect.feed;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.inspect.support.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference client against the running portal: JSON Lines and CSV (a quoted line
 * break inside a field) sent in batches, every record's result printed with its file and
 * line, the exit status telling whether some were refused.
 */
@PortalTest
class PushCommandIT {

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void sendsJsonLinesAndCsvInBatchesAndPrintsEveryResult() throws Exception {
		String token = this.tokens.create(1, "client", Instant.now().plus(1, ChronoUnit.DAYS), false, "qingqiong")
			.token();
		String credit = this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id = 1").query(String.class).single();
		String prefix = "cli-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		StringBuilder jsonl = new StringBuilder();
		for (int i = 1; i <= 3; i++) {
			jsonl.append("{\"type\":\"complaint\",\"id\":\"")
				.append(prefix)
				.append(i)
				.append("\",\"enterprise\":\"")
				.append(credit)
				.append("\",\"received_at\":\"2026-05-20T09:30:00+08:00\",\"category\":\"RUMOR\",")
				.append("\"content_type\":\"TEXT\",\"channel\":\"WEB_FORM\",\"status\":\"RECEIVED\",\"summary\":\"客户端\"}\n");
		}
		jsonl.append("{\"type\":\"complaint\",\"id\":\"").append(prefix).append("bad\"}\n");
		Path lines = Files.writeString(this.dir.resolve("complaints.jsonl"), jsonl);
		Path csv = Files.writeString(this.dir.resolve("complaints.csv"),
				// the header's names in any case, as the portal reads them; the record
				// after
				// one with a quoted line break is numbered by the line it starts on
				"ID,Enterprise,received_at,category,content_type,channel,status,handled_at,outcome,summary\r\n" + prefix
						+ "csv," + credit + ",2026-05-20T09:30:00+08:00,RUMOR,VIDEO,HOTLINE,RECEIVED,,,\"两行\r\n摘要\"\r\n"
						+ prefix + "csv2," + credit + ",2026-05-20T09:30:00+08:00,RUMOR,VIDEO,HOTLINE,RECEIVED,,,\r\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int status = PushCommand.run(
				new String[] { "--url", "http://localhost:" + this.port, "--token", token, "--batch", "2", "--csv-type",
						"complaint", lines.toString(), csv.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
		assertThat(printed).contains("complaints.jsonl:1 CREATED " + prefix + "1")
			.contains("complaints.jsonl:3 CREATED " + prefix + "3")
			.contains("complaints.jsonl:4 REJECTED " + prefix + "bad REQUIRED")
			.contains("complaints.csv:2 CREATED " + prefix + "csv")
			.contains("complaints.csv:4 CREATED " + prefix + "csv2")
			.contains("total: {CREATED=5, REJECTED=1}");
		assertThat(this.jdbc.sql("SELECT summary FROM complaint WHERE platform_id = :id")
			.param("id", prefix + "csv")
			.query(String.class)
			.single()).isEqualTo("两行\r\n摘要");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM complaint WHERE platform_id LIKE :p")
			.param("p", prefix + "%")
			.query(Long.class)
			.single()).isEqualTo(5);
	}

	@Test
	void withoutATokenItSaysSoAndStops() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = PushCommand.run(new String[] { "--url", "http://localhost:" + this.port, "none.jsonl" },
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("no token");
	}

}
