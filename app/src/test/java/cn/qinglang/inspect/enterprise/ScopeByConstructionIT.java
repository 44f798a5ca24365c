package cn.qinglang.inspect.enterprise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.inspect.support.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scope by construction: a query of enterprise data gets its restriction from
 * {@link EnterpriseScope}, never from a join written by hand. Reads the main sources (the
 * SQL is in their string literals) and the database's own list of enterprise tables:
 * those with an {@code enterprise_id} column and those whose foreign keys lead to one.
 */
@PortalTest
class ScopeByConstructionIT {

	private static final Path SOURCES = Path.of("src/main/java");

	/**
	 * The join of an enterprise's jurisdiction, and the scope's own parameters (a user's
	 * or a bulletin's jurisdiction is not a scope).
	 */
	private static final Pattern HAND_WRITTEN_SCOPE = Pattern.compile(
			"(?is)\\benterprise\\s+(\\w+)\\b.{0,200}?JOIN\\s+jurisdiction\\s+(\\w+)\\s+ON\\s+\\2\\.code\\s*=\\s*\\1\\.jurisdiction_code"
					+ "|:scopePath|:scopeEnterpriseId");

	private static final Pattern STRING = Pattern.compile("(?s)\"\"\".*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"");

	private static final Pattern SCOPE_USE = Pattern.compile("\\.join\\(\"[a-z_]+\\.[a-z_]+\"\\)|scope\\.from\\(\\)");

	private static final Pattern TABLE_READ = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+(\\w+)");

	static List<Path> sources;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void readSources() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			sources = files.filter((file) -> file.toString().endsWith(".java")).sorted().toList();
		}
		assertThat(sources).hasSizeGreaterThan(200);
	}

	@Test
	void onlyTheScopeWritesTheEnterpriseJurisdictionJoin() throws IOException {
		List<String> offenders = new ArrayList<>();
		for (Path file : sources) {
			if (file.endsWith("enterprise/EnterpriseScope.java")) {
				assertThat(HAND_WRITTEN_SCOPE.matcher(Files.readString(file)).find()).isTrue();
				continue;
			}
			Matcher matcher = HAND_WRITTEN_SCOPE.matcher(Files.readString(file));
			while (matcher.find()) {
				offenders.add(SOURCES.relativize(file) + ": " + matcher.group());
			}
		}
		assertThat(offenders).as("scope joins written by hand (use EnterpriseScope.join or from)").isEmpty();
	}

	@Test
	void everyClassReadingEnterpriseDataAsksThroughTheScopeOrSaysWhyNot() throws IOException {
		Set<String> enterpriseTables = enterpriseTables();
		assertThat(enterpriseTables).contains("enterprise", "inspection", "finding", "rectification_order",
				"order_measure", "complaint", "labeling_metric", "enforcement_action", "complaint_agg", "feed_run");
		Set<String> scoped = new TreeSet<>();
		List<String> offenders = new ArrayList<>();
		for (Path file : sources) {
			String source = Files.readString(file);
			Set<String> read = tablesRead(source, enterpriseTables);
			if (read.isEmpty()) {
				continue;
			}
			boolean asksTheScope = SCOPE_USE.matcher(source).find();
			boolean saysWhy = source.matches("(?s).*@Unscoped\\(\".+?\"\\).*");
			if (asksTheScope) {
				scoped.add(file.getFileName().toString());
			}
			if (!asksTheScope && !saysWhy) {
				offenders.add(SOURCES.relativize(file) + " reads " + read);
			}
		}
		assertThat(offenders).as("classes reading enterprise data with neither EnterpriseScope nor @Unscoped")
			.isEmpty();
		assertThat(scoped).contains("Enterprises.java", "Inspections.java", "Orders.java", "FindingStatistics.java",
				"OrderStatistics.java");
	}

	@Test
	void theRuleSeesAHandWrittenJoin() {
		String handWritten = """
				SELECT o.id FROM rectification_order o
				JOIN enterprise e ON e.id = o.enterprise_id
				JOIN jurisdiction j ON j.code = e.jurisdiction_code WHERE j.path LIKE :p""";
		assertThat(HAND_WRITTEN_SCOPE.matcher(handWritten).find()).isTrue();
		assertThat(HAND_WRITTEN_SCOPE.matcher(EnterpriseScope.everything().join("o.enterprise_id")).find()).isTrue();
		assertThat(tablesRead("String q = \"SELECT * FROM finding WHERE id = :id\";", Set.of("finding")))
			.containsExactly("finding");
		assertThat(tablesRead("// read the finding from the store", Set.of("finding"))).isEmpty();
	}

	private static Set<String> tablesRead(String source, Set<String> tables) {
		Set<String> read = new TreeSet<>();
		Matcher literal = STRING.matcher(source);
		while (literal.find()) {
			String text = literal.group();
			if (!text.matches("(?is).*\\bSELECT\\b.*")) {
				continue;
			}
			Matcher table = TABLE_READ.matcher(text);
			while (table.find()) {
				if (tables.contains(table.group(1).toLowerCase())) {
					read.add(table.group(1).toLowerCase());
				}
			}
		}
		return read;
	}

	/** Tables with an enterprise column, and tables whose foreign keys lead to one. */
	private Set<String> enterpriseTables() {
		Set<String> tables = new TreeSet<>(this.jdbc.sql("""
				SELECT DISTINCT table_name FROM information_schema.columns
				WHERE table_schema = DATABASE() AND column_name = 'enterprise_id'""").query(String.class).list());
		tables.add("enterprise");
		tables.remove("app_user");
		List<String[]> references = this.jdbc.sql("""
				SELECT table_name, referenced_table_name FROM information_schema.key_column_usage
				WHERE table_schema = DATABASE() AND referenced_table_name IS NOT NULL""")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		boolean grown = true;
		while (grown) {
			grown = false;
			for (String[] reference : references) {
				if (tables.contains(reference[1]) && !reference[0].equals("app_user")) {
					grown |= tables.add(reference[0]);
				}
			}
		}
		return tables;
	}

}
