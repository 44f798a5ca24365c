package cn.qinglang.labelcheck.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import javax.xml.parsers.DocumentBuilderFactory;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.qinglang.labelcheck.CheckOptions;
import cn.qinglang.labelcheck.CheckRun;
import cn.qinglang.labelcheck.LabelChecker;
import cn.qinglang.labelcheck.ProblemCode;
import cn.qinglang.labelcheck.SampleFormat;
import cn.qinglang.labelcheck.SampleReport;
import cn.qinglang.labelcheck.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The machine outputs of the command line: JSON that its published schema accepts (and
 * the schema names exactly the codes the checker has), SARIF 2.1.0 and JUnit XML that
 * count what the JSON counts, reports in input order, and the exit statuses.
 */
class ReportFormatsTests {

	static final Path CORPUS = Path.of("src/test/resources/corpus");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static JsonNode schemaTree() throws IOException {
		try (InputStream in = CheckRun.class.getResourceAsStream("check-run.schema.json")) {
			return JSON.readTree(in);
		}
	}

	static Schema schema() throws IOException {
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaTree());
	}

	@Test
	void schemaNamesExactlyTheCodesVerdictsAndFormatsOfTheChecker() throws IOException {
		JsonNode defs = schemaTree().get("$defs");

		assertThat(names(defs.get("problemCode").get("enum")))
			.isEqualTo(Arrays.stream(ProblemCode.values()).map(Enum::name).collect(Collectors.toSet()));
		assertThat(names(defs.get("verdict").get("enum")))
			.isEqualTo(Arrays.stream(Verdict.values()).map(Enum::name).collect(Collectors.toSet()));
		assertThat(names(defs.get("format").get("enum")))
			.isEqualTo(Arrays.stream(SampleFormat.values()).map(Enum::name).collect(Collectors.toSet()));
		assertThat(schemaTree().get("properties").get("schemaVersion").get("pattern").asString())
			.isEqualTo("^1\\.[0-9]+$");
		assertThat(CheckRun.SCHEMA_VERSION).matches("1\\.[0-9]+");
	}

	@Test
	void jsonOfTheWholeCorpusFollowsTheSchema() throws IOException {
		Output json = run("--json", CORPUS.toString());

		JsonNode document = JSON.readTree(json.out());
		assertThat(schema().validate(document)).isEmpty();
		assertThat(json.status()).isEqualTo(1);
		int files = document.get("files").size();
		assertThat(files).isGreaterThan(50).isEqualTo(document.get("summary").get("files").asInt());
		assertThat(document.get("schemaVersion").asString()).isEqualTo(CheckRun.SCHEMA_VERSION);
	}

	@Test
	void theApisRecordFollowsTheSameSchema() throws IOException {
		List<SampleReport> reports = new ArrayList<>();
		Batch.check(new LabelChecker(CheckOptions.defaults()), List.of(CORPUS.resolve("jpeg")), 2, reports::add);

		JsonNode document = JSON.valueToTree(CheckRun.of(false, reports));

		assertThat(schema().validate(document)).isEmpty();
		assertThat(document.get("files").size()).isEqualTo(reports.size());
	}

	@Test
	void schemaRefusesAReportWithoutItsVerdict() throws IOException {
		JsonNode document = JSON.readTree(run("--json", CORPUS.resolve("png/labelled-text.png").toString()).out());
		((tools.jackson.databind.node.ObjectNode) document.get("files").get(0)).remove("verdict");

		assertThat(schema().validate(document)).isNotEmpty();
	}

	@Test
	void sarifHasOneRulePerCodeAndOneResultPerProblem() throws IOException {
		JsonNode json = JSON.readTree(run("--json", CORPUS.toString()).out());
		Output sarif = run("--format", "sarif", CORPUS.toString());

		JsonNode log = JSON.readTree(sarif.out());
		assertThat(sarif.status()).isEqualTo(1);
		assertThat(log.get("version").asString()).isEqualTo("2.1.0");
		JsonNode run = log.get("runs").get(0);
		JsonNode rules = run.get("tool").get("driver").get("rules");
		assertThat(rules.size()).isEqualTo(ProblemCode.values().length);
		int problems = StreamSupport.stream(json.get("files").spliterator(), false)
			.mapToInt((file) -> file.get("problems").size())
			.sum();
		assertThat(run.get("results").size()).isEqualTo(problems).isPositive();
		for (JsonNode result : run.get("results")) {
			String rule = result.get("ruleId").asString();
			assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asString()).isEqualTo(rule);
			assertThat(result.get("level").asString()).isEqualTo(SarifWriter.level(ProblemCode.valueOf(rule)));
			assertThat(result.get("locations")
				.get(0)
				.get("physicalLocation")
				.get("artifactLocation")
				.get("uri")
				.asString()).startsWith("src/test/resources/corpus/").doesNotContain(" ");
		}
	}

	@Test
	void junitXmlHasACasePerFileFailingTheNonCompliantOnes() throws Exception {
		JsonNode summary = JSON.readTree(run("--json", CORPUS.toString()).out()).get("summary");
		Output junit = run("--format=junit", CORPUS.toString());

		Document xml = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
		assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(summary.get("files").asInt());
		assertThat(xml.getElementsByTagName("failure").getLength())
			.isEqualTo(summary.get("byVerdict").get("NON_COMPLIANT").asInt());
		assertThat(xml.getElementsByTagName("skipped").getLength())
			.isEqualTo(summary.get("byVerdict").get("CANNOT_TELL").asInt());
	}

	@Test
	void reportsComeInTheOrderOfTheInputsWhateverFinishesFirst() throws IOException {
		List<String> names = new ArrayList<>();
		Batch.check(new LabelChecker(CheckOptions.defaults()),
				List.of(CORPUS.resolve("png"), CORPUS.resolve("jpeg/unlabelled.jpg"), CORPUS.resolve("docx")), 4,
				(report) -> names.add(report.name()));

		List<String> png = names.subList(0, names.indexOf(CORPUS.resolve("jpeg/unlabelled.jpg").toString()));
		assertThat(png).isSortedAccordingTo(String::compareTo).allMatch((name) -> name.contains("/png/"));
		assertThat(names.get(names.size() - 1)).contains("/docx/");
		assertThat(names).doesNotHaveDuplicates();
	}

	@Test
	void exitStatusSaysWhetherAllAreCompliantOrTheCallWasWrong() {
		assertThat(run(CORPUS.resolve("png/labelled-text.png").toString()).status()).isZero();
		assertThat(run(CORPUS.resolve("png/unlabelled.png").toString()).status()).isEqualTo(1);
		assertThat(run(CORPUS.resolve("other/empty.png").toString()).status()).isEqualTo(1);
		assertThat(run().status()).isEqualTo(2);
		assertThat(run("--format", "yaml", CORPUS.toString()).status()).isEqualTo(2);
		assertThat(run("--threads", "0", CORPUS.toString()).status()).isEqualTo(2);
		Output missing = run("no/such/file.png");
		assertThat(missing.status()).isEqualTo(2);
		assertThat(missing.err()).contains("no such file: no/such/file.png");
		assertThat(run("--version").out()).contains(LabelChecker.VERSION);
	}

	private static Set<String> names(JsonNode array) {
		Set<String> names = new TreeSet<>();
		array.forEach((node) -> names.add(node.asString()));
		return names;
	}

	record Output(int status, String out, String err) {
	}

	static Output run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = LabelCheckCli.run("label-checker", args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
