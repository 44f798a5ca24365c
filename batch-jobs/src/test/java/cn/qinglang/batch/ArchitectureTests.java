package cn.qinglang.batch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The jobs are a library the portal runs: no web layer, no portal code.
 */
class ArchitectureTests {

	private final JavaClasses jobs = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.qinglang.batch");

	@Test
	void jobsKnowNothingOfTheWebLayer() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.thymeleaf..",
					"cn.qinglang.inspect..")
			.allowEmptyShould(true)
			.check(this.jobs);
	}

}
