package cn.qinglang.inspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module's base package is its API, and only what other modules use is public there:
 * the rest is package-private (Spring Modulith refuses other modules' use of a module's
 * sub-packages, and Java refuses package-private types). A type public only because a
 * public method of the API names it is listed here with that method.
 */
class ModuleApiTests {

	private static final Path SOURCES = Path.of("src/main/java/cn/qinglang/inspect");

	/** Public because the API's signatures name them. */
	private static final Set<String> NAMED_BY_THE_API = Set.of(
			// DashboardService.properties(), DashboardService.campaign(…)
			"dashboard.DashboardProperties", "dashboard.CampaignView",
			// RectificationEvents.SubmissionReviewed.outcome()
			"rectification.MeasureStatus",
			// Enterprise.status()
			"enterprise.EnterpriseStatus",
			// EvidenceStore.limits()
			"evidence.EvidenceProperties");

	private static final Pattern PUBLIC_TYPE = Pattern.compile(
			"(?m)^public (?:final |abstract |sealed |non-sealed )*(?:class|record|enum|interface|@interface) (\\w+)");

	@Test
	void whatNoOtherModuleUsesIsNotPublic() throws IOException {
		Map<Path, String> sources = new LinkedHashMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((file) -> file.toString().endsWith(".java")).toList()) {
				sources.put(SOURCES.relativize(file), Files.readString(file));
			}
		}
		assertThat(sources).hasSizeGreaterThan(200);
		List<String> needless = new ArrayList<>();
		int publicTypes = 0;
		for (Map.Entry<Path, String> source : sources.entrySet()) {
			Path file = source.getKey();
			if (file.getNameCount() != 2) {
				continue;
			}
			Matcher type = PUBLIC_TYPE.matcher(source.getValue());
			if (!type.find()) {
				continue;
			}
			publicTypes++;
			String module = file.getName(0).toString();
			String name = module + "." + type.group(1);
			Pattern use = Pattern.compile("\\b" + type.group(1) + "\\b");
			boolean usedElsewhere = sources.entrySet()
				.stream()
				.filter((other) -> other.getKey().getNameCount() != 2 || !other.getKey().startsWith(module))
				.anyMatch((other) -> use.matcher(other.getValue()).find());
			if (!usedElsewhere && !NAMED_BY_THE_API.contains(name)) {
				needless.add(name);
			}
		}
		assertThat(publicTypes).isGreaterThan(50);
		assertThat(needless).as("public types of a module's base package that no other module uses").isEmpty();
	}

}
