package cn.qinglang.inspect.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * One clock, one zone: "now" and "today" come from the portal's {@code Clock} bean (in
 * the configured zone), never from the system's clock or zone directly, so that a test
 * can move time or the zone for everything at once.
 */
class OneClockTests {

	private static final JavaClasses PORTAL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.qinglang.inspect");

	@Test
	void nothingAsksTheSystemClockOrZone() {
		ArchRule rule = noClasses().should()
			.callMethod(Instant.class, "now")
			.orShould()
			.callMethod(LocalDate.class, "now")
			.orShould()
			.callMethod(LocalDateTime.class, "now")
			.orShould()
			.callMethod(ZonedDateTime.class, "now")
			.orShould()
			.callMethod(OffsetDateTime.class, "now")
			.orShould()
			.callMethod(ZoneId.class, "systemDefault")
			.because("the portal's Clock bean is the one clock, in the configured zone");
		rule.check(PORTAL);
	}

	@Test
	void theZoneIsNamedOnlyInItsConfiguration() {
		ArchRule rule = noClasses().that()
			.doNotHaveFullyQualifiedName(PortalProperties.class.getName())
			.should()
			.callMethod(ZoneId.class, "of", String.class)
			.because("qinglang.portal.display-zone is the one zone");
		rule.check(PORTAL);
	}

}
