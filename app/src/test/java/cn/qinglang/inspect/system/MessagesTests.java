package cn.qinglang.inspect.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.qinglang.inspect.enterprise.EnterpriseKind;
import cn.qinglang.inspect.enterprise.EnterpriseStatus;
import cn.qinglang.labelcheck.ProblemCode;
import cn.qinglang.labelcheck.Verdict;
import cn.qinglang.inspect.report.export.ExportStatus;
import cn.qinglang.inspect.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both languages have every string, and every key the templates and the code name exists.
 */
class MessagesTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	/** Literal keys in templates: #{key} and #{key(args)}. */
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9.]*)[}(]");

	/** Keys named in Java code: message keys of forms, flashes and checks. */
	private static final Pattern CODE_KEY = Pattern.compile(
			"\"((?:password|enterprise|user|audit|login|home|form|validation|feed|inspection|finding|order|measure|submission|review|extension|evidence|catalog|notification|outbox|reinspection|dashboard|spotcheck|labelcheck|summary|bulletin|report|export)\\.[A-Za-z.]*[A-Za-z])\"");

	/** Every bundle of the portal, by its Chinese (default) file. */
	private static final List<String> BUNDLES = List.of("messages", "messages-feed", "messages-inspection",
			"messages-dashboard", "messages-labelcheck", "messages-bulletin", "messages-report");

	@Test
	void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		for (String bundle : BUNDLES) {
			assertThat(load(bundle + "_en.properties").stringPropertyNames()).as(bundle)
				.containsExactlyInAnyOrderElementsOf(load(bundle + ".properties").stringPropertyNames());
		}
	}

	@Test
	void noKeyIsDefinedInTwoBundles() throws IOException {
		Set<String> seen = new TreeSet<>();
		for (String bundle : BUNDLES) {
			for (String key : load(bundle + ".properties").stringPropertyNames()) {
				assertThat(seen.add(key)).as("%s defined again in %s", key, bundle).isTrue();
			}
		}
	}

	@Test
	void everyKeyInTheTemplatesExists() throws IOException {
		Set<String> keys = allKeys();
		assertThat(keysIn(RESOURCES.resolve("templates"), ".html", TEMPLATE_KEY)).isNotEmpty()
			.allSatisfy((key) -> assertThat(keys).as("templates use " + key).contains(key));
	}

	@Test
	void everyKeyInTheCodeExists() throws IOException {
		Set<String> keys = allKeys();
		assertThat(keysIn(Path.of("src/main/java"), ".java", CODE_KEY)).isNotEmpty()
			.allSatisfy((key) -> assertThat(keys).as("code uses " + key).contains(key));
	}

	@Test
	void everyEnumShownToUsersHasItsLabels() throws IOException {
		Set<String> keys = allKeys();
		for (Role role : Role.values()) {
			assertThat(keys).contains("role." + role, "home.intro." + role);
		}
		for (EnterpriseKind kind : EnterpriseKind.values()) {
			assertThat(keys).contains("enterprise.kind." + kind);
		}
		for (EnterpriseStatus status : EnterpriseStatus.values()) {
			assertThat(keys).contains("enterprise.status." + status);
		}
		for (Verdict verdict : Verdict.values()) {
			assertThat(keys).contains("labelcheck.verdict." + verdict);
		}
		for (ProblemCode problem : ProblemCode.values()) {
			assertThat(keys).contains("labelcheck.problem." + problem);
		}
		for (ExportStatus status : ExportStatus.values()) {
			assertThat(keys).contains("export.status." + status);
		}
	}

	@Test
	void everyAuditedActionHasALabel() throws IOException {
		Set<String> keys = allKeys();
		Pattern action = Pattern.compile(
				"\"((?:SIGN|USER|ENTERPRISE|AUDIT|PASSWORD|ACCOUNT|ADMIN|INSPECTION|FINDING|ORDER|EVIDENCE|SUBMISSION|EXTENSION|CATALOG|FILE|FEED|DASHBOARD|SPOT|LABEL|BULLETIN|REPORT)_[A-Z_]*[A-Z]|SIGN_IN|SIGN_OUT)\"");
		assertThat(keysIn(Path.of("src/main/java"), ".java", action)).isNotEmpty()
			.allSatisfy((code) -> assertThat(keys).contains("audit.action." + code));
	}

	private static Set<String> keysIn(Path root, String suffix, Pattern pattern) throws IOException {
		Set<String> found = new TreeSet<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(suffix)).toList()) {
				Matcher matcher = pattern.matcher(Files.readString(file));
				while (matcher.find()) {
					found.add(matcher.group(1));
				}
			}
		}
		return found;
	}

	private static Set<String> allKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (String bundle : BUNDLES) {
			keys.addAll(load(bundle + ".properties").stringPropertyNames());
		}
		return keys;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
