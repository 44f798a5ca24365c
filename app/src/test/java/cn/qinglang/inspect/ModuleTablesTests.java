package cn.qinglang.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module reads its own tables: the bulletin and the dashboard, which show what other
 * modules own, ask the owners' query APIs ({@code FindingStatistics},
 * {@code OrderStatistics}, {@code Enterprises}, {@code EnterpriseScope}) and read only
 * the read models that owners publish for them. Reads the SQL in the modules' string
 * literals.
 */
class ModuleTablesTests {

	private static final Path SOURCES = Path.of("src/main/java/cn/qinglang/inspect");

	/** Tables a module owns. */
	private static final Map<String, Set<String>> OWN = Map.of("bulletin", Set.of("bulletin"), "dashboard", Set.of());

	/**
	 * Read models published for everyone: the jurisdictions (reference data of the
	 * jurisdiction module), the platforms' records and their daily aggregates (the
	 * feeds').
	 */
	private static final Set<String> PUBLISHED = Set.of("jurisdiction", "labeling_metric", "complaint",
			"enforcement_action", "metric_agg", "complaint_agg", "complaint_category_agg", "action_agg",
			"aggregate_version");

	private static final Pattern STRING = Pattern.compile("(?s)\"\"\".*?\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"");

	private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z_]+)\\b");

	private static final Pattern SQL = Pattern.compile("(?is).*\\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN)\\b.*");

	@Test
	void theBulletinAndTheDashboardReadOnlyTheirOwnTablesAndPublishedReadModels() throws IOException {
		for (Map.Entry<String, Set<String>> module : OWN.entrySet()) {
			Set<String> named = tablesNamed(SOURCES.resolve(module.getKey()));
			assertThat(named).as("tables named by %s", module.getKey()).containsAll(module.getValue());
			Set<String> foreign = new TreeSet<>(named);
			foreign.removeAll(module.getValue());
			foreign.removeAll(PUBLISHED);
			assertThat(foreign).as("other modules' tables read by %s: ask the owner's query API", module.getKey())
				.isEmpty();
		}
	}

	@Test
	void theRuleSeesATableInAQuery() {
		assertThat(tables("String q = \"SELECT o.id FROM rectification_order o JOIN enterprise e ON e.id = 1\";"))
			.containsExactly("enterprise", "rectification_order");
		assertThat(tables("// the orders come from the rectification module")).isEmpty();
	}

	private static Set<String> tablesNamed(Path module) throws IOException {
		Set<String> named = new TreeSet<>();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(module)) {
			files = walk.filter((file) -> file.toString().endsWith(".java")).toList();
		}
		for (Path file : files) {
			named.addAll(tables(Files.readString(file)));
		}
		return named;
	}

	private static Set<String> tables(String source) {
		Set<String> tables = new TreeSet<>();
		Matcher literal = STRING.matcher(source);
		while (literal.find()) {
			String text = literal.group();
			if (!SQL.matcher(text).matches()) {
				continue;
			}
			Matcher table = TABLE.matcher(text);
			while (table.find()) {
				String name = table.group(1).toLowerCase();
				// words of prose in a message ("from the", "into account") are not tables
				if (name.contains("_") || Set
					.of("bulletin", "enterprise", "inspection", "finding", "jurisdiction", "complaint", "feed",
							"notification")
					.contains(name)) {
					tables.add(name);
				}
			}
		}
		return tables;
	}

}
