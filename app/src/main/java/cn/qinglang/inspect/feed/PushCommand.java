package cn.qinglang.inspect.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The push API's reference client: {@code java -jar qinglang-inspect.jar push --url …
 * --token … FILE…}. Sends JSON Lines or CSV files in batches (gzip, an
 * {@code Idempotency-Key} per batch so that a retry changes nothing), retries on a lost
 * connection, 429 and 503 (as {@code Retry-After} says), and prints every record's
 * result. Exit status 0 when every record was stored, 1 when some were refused, 2 when a
 * batch could not be sent.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
		description = "Push records of the platform interface to Qinglang Inspect and print the result of each.")
public final class PushCommand implements Callable<Integer> {

	/** The verb of {@code java -jar qinglang-inspect.jar}. */
	public static final String PORTAL_COMMAND = "push";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Option(names = "--url", required = true, description = "the portal's address, e.g. https://inspect.example.cn")
	String url;

	@Option(names = "--token", description = "the push token (default: the environment's QINGLANG_PUSH_TOKEN)")
	String token;

	@Option(names = "--batch", defaultValue = "1000", description = "records per request, at most 5000 (default 1000)")
	int batch;

	@Option(names = "--csv-type",
			description = "the record type of CSV files: labeling_metric, complaint or enforcement_action")
	String csvType;

	@Option(names = "--dry-run", description = "answer as the portal would and store nothing")
	boolean dryRun;

	@Option(names = "--retries", defaultValue = "5",
			description = "attempts after the first for each batch (default 5)")
	int retries;

	@Option(names = "--quiet", description = "print refused records and the totals only")
	boolean quiet;

	@Option(names = "--withdraw", paramLabel = "TYPE/ID",
			description = "withdraw a record sent by mistake, e.g. complaint/c-20260518-0001 (repeatable)")
	List<String> withdrawals = new ArrayList<>();

	@Parameters(arity = "0..*", paramLabel = "FILE", description = "JSON Lines (.jsonl, .json) or CSV (.csv) files")
	List<Path> files = new ArrayList<>();

	private PrintStream out;

	private PrintStream err;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	public static int run(String[] args, PrintStream out, PrintStream err) {
		PushCommand command = new PushCommand();
		command.out = out;
		command.err = err;
		return new CommandLine(command).setOut(new java.io.PrintWriter(out, true))
			.setErr(new java.io.PrintWriter(err, true))
			.setCommandName("java -jar qinglang-inspect.jar push")
			.execute(args);
	}

	@Override
	public Integer call() throws Exception {
		String secret = (this.token != null) ? this.token : System.getenv("QINGLANG_PUSH_TOKEN");
		if (secret == null || secret.isBlank()) {
			this.err.println("no token: give --token or set QINGLANG_PUSH_TOKEN");
			return 2;
		}
		if (this.files.isEmpty() && this.withdrawals.isEmpty()) {
			this.err.println("nothing to do: give FILE… to push or --withdraw TYPE/ID");
			return 2;
		}
		int size = Math.max(1, Math.min(5000, this.batch));
		URI endpoint = URI
			.create(this.url.replaceAll("/+$", "") + "/api/v1/records" + (this.dryRun ? "?dryRun=true" : ""));
		Map<String, Integer> totals = new LinkedHashMap<>();
		boolean failed = false;
		for (Path file : this.files) {
			List<Line> lines = read(file);
			for (int from = 0; from < lines.size(); from += size) {
				List<Line> part = lines.subList(from, Math.min(lines.size(), from + size));
				JsonNode answer = send(endpoint, secret, part);
				if (answer == null) {
					failed = true;
					this.err.println(file + ": lines " + part.get(0).number() + " to "
							+ part.get(part.size() - 1).number() + " could not be sent");
					continue;
				}
				for (JsonNode result : answer.get("results")) {
					Line line = part.get(result.get("position").asInt() - 1);
					String status = result.get("status").asString();
					totals.merge(status, 1, Integer::sum);
					if (!this.quiet || "REJECTED".equals(status)) {
						this.out.println(file.getFileName() + ":" + line.number() + " " + status + " "
								+ text(result, "id") + ("REJECTED".equals(status) ? " " + text(result, "reason") + " "
										+ text(result, "field") + " " + text(result, "message") : ""));
					}
				}
			}
		}
		String base = this.url.replaceAll("/+$", "") + "/api/v1/records/";
		for (String withdrawal : this.withdrawals) {
			int slash = withdrawal.indexOf('/');
			if (slash <= 0 || slash == withdrawal.length() - 1) {
				this.err.println(withdrawal + ": not TYPE/ID");
				failed = true;
				continue;
			}
			URI target = URI.create(base + withdrawal.substring(0, slash) + "/"
					+ java.net.URLEncoder.encode(withdrawal.substring(slash + 1), StandardCharsets.UTF_8)
					+ (this.dryRun ? "?dryRun=true" : ""));
			JsonNode answer = send(() -> HttpRequest.newBuilder(target).DELETE(), secret);
			if (answer == null) {
				failed = true;
				this.err.println(withdrawal + ": could not be withdrawn");
				continue;
			}
			String status = text(answer, "status");
			totals.merge(status, 1, Integer::sum);
			this.out.println("withdraw " + withdrawal + " " + status);
		}
		this.out.println("total: " + totals + (this.dryRun ? " (dry run: nothing stored)" : ""));
		return failed ? 2 : (totals.containsKey("REJECTED") || totals.containsKey("NOT_FOUND")) ? 1 : 0;
	}

	private JsonNode send(URI endpoint, String secret, List<Line> part) throws InterruptedException {
		String body = String.join("\n", part.stream().map(Line::json).toList());
		byte[] zipped = gzip(body);
		String key = UUID.randomUUID().toString();
		return send(() -> HttpRequest.newBuilder(endpoint)
			.header("Content-Type", "application/x-ndjson")
			.header("Content-Encoding", "gzip")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofByteArray(zipped)), secret);
	}

	/**
	 * Sends a request with retries on a lost connection, 429 and 5xx (after Retry-After
	 * when given).
	 * @return the answer of a 200, or of a 404 for a withdrawal; null when it failed
	 */
	private JsonNode send(java.util.function.Supplier<HttpRequest.Builder> request, String secret)
			throws InterruptedException {
		for (int attempt = 0; attempt <= this.retries; attempt++) {
			try {
				HttpResponse<String> response = this.http.send(request.get()
					.timeout(Duration.ofMinutes(2))
					.header("Authorization", "Bearer " + secret)
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				int status = response.statusCode();
				if (status == 200 || (status == 404 && response.body().contains("NOT_FOUND"))) {
					return JSON.readTree(response.body());
				}
				if (status != 429 && status != 502 && status != 503 && status != 504) {
					this.err.println("HTTP " + status + ": " + response.body());
					return null;
				}
				long wait = response.headers()
					.firstValue("Retry-After")
					.map(Long::parseLong)
					.orElse((long) (1 << Math.min(attempt, 5)));
				this.err.println("HTTP " + status + ", again in " + wait + " s");
				Thread.sleep(wait * 1000);
			}
			catch (IOException ex) {
				this.err.println("not sent (" + ex.getMessage() + "), again in " + (1 << Math.min(attempt, 5)) + " s");
				Thread.sleep((1L << Math.min(attempt, 5)) * 1000);
			}
		}
		return null;
	}

	/** The file's records as JSON objects, each with its line number. */
	private List<Line> read(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<Line> lines = new ArrayList<>();
		if (!file.getFileName().toString().toLowerCase().endsWith(".csv")) {
			String[] rows = text.split("\r?\n", -1);
			for (int i = 0; i < rows.length; i++) {
				if (!rows[i].isBlank()) {
					lines.add(new Line(i + 1, rows[i]));
				}
			}
			return lines;
		}
		if (this.csvType == null) {
			throw new CommandLine.ParameterException(new CommandLine(this), "a CSV file needs --csv-type");
		}
		List<Csv.Row> rows = Csv.parse(text);
		// the header's names as the portal reads them: trimmed, in any case
		List<String> header = rows.get(0)
			.cells()
			.stream()
			.map((name) -> name.strip().toLowerCase(Locale.ROOT))
			.toList();
		for (int r = 1; r < rows.size(); r++) {
			List<String> row = rows.get(r).cells();
			if (row.size() == 1 && row.get(0).isEmpty()) {
				continue;
			}
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("type", this.csvType.toLowerCase(Locale.ROOT));
			for (int c = 0; c < Math.min(header.size(), row.size()); c++) {
				if (!row.get(c).isEmpty()) {
					fields.put(header.get(c), row.get(c));
				}
			}
			// a record's number is the line it starts on, as the upload counts
			lines.add(new Line(rows.get(r).line(), JSON.writeValueAsString(fields)));
		}
		return lines;
	}

	private static byte[] gzip(String body) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? "-" : value.asString();
	}

	private record Line(int number, String json) {
	}

	/** RFC 4180 CSV: quoted fields, doubled quotes, line breaks inside quotes. */
	static final class Csv {

		private Csv() {
		}

		/** A record of a CSV file and the line it starts on, from 1. */
		record Row(int line, List<String> cells) {
		}

		static List<Row> parse(String text) {
			List<Row> rows = new ArrayList<>();
			List<String> row = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			int line = 1;
			int rowLine = 1;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
				if (lineBreak) {
					line++;
				}
				if (quoted) {
					if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else if (c == '"') {
						quoted = false;
					}
					else {
						field.append(c);
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == ',') {
					row.add(field.toString());
					field.setLength(0);
				}
				else if (c == '\n' || c == '\r') {
					if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
						i++;
						line++;
					}
					row.add(field.toString());
					field.setLength(0);
					rows.add(new Row(rowLine, row));
					row = new ArrayList<>();
					rowLine = line;
				}
				else {
					field.append(c);
				}
			}
			if (field.length() > 0 || !row.isEmpty()) {
				row.add(field.toString());
				rows.add(new Row(rowLine, row));
			}
			return rows;
		}

	}

}
