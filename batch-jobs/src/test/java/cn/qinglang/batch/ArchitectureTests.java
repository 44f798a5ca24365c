package cn.qinglang.batch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs are a library the portal runs: no web layer, no portal code; the feeds' API
 * ({@code records}) stands on its own.
 */
class ArchitectureTests {

	private final JavaClasses jobs = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.qinglang.batch");

	@Test
	void jobsKnowNothingOfTheWebLayer() {
		// a rule over no classes would pass on nothing: the jobs are there
		assertThat(this.jobs.stream().filter((type) -> type.getPackageName().startsWith("cn.qinglang.batch.feed")))
			.hasSizeGreaterThan(20);
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.thymeleaf..",
					"cn.qinglang.inspect..")
			.check(this.jobs);
	}

	@Test
	void theFeedsApiDependsOnNothingOfTheJobs() {
		assertThat(this.jobs.stream().filter((type) -> type.getPackageName().equals("cn.qinglang.batch.records")))
			.hasSizeGreaterThanOrEqualTo(3);
		noClasses().that()
			.resideInAPackage("cn.qinglang.batch.records..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("cn.qinglang.batch.feed..", "cn.qinglang.batch.aggregate..", "org.springframework..")
			.because("pull, upload and push share the vocabulary, not the jobs' machinery")
			.check(this.jobs);
	}

}
