package cn.qinglang.inspect;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

import cn.qinglang.inspect.system.Uploads;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Web stays at the edge: services and repositories take streams and their metadata and
 * throw the domain's exceptions; only controllers, their advice and {@link Uploads} see
 * multipart parts, and nothing but the web layer throws a web exception.
 */
class WebAtTheEdgeTests {

	private static final JavaClasses PORTAL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.qinglang.inspect");

	@Test
	void servicesAndRepositoriesTouchNoWebType() {
		ArchRule rule = classes().that()
			.areAnnotatedWith(Service.class)
			.or()
			.areAnnotatedWith(Repository.class)
			.should()
			.onlyDependOnClassesThat()
			.resideOutsideOfPackages("org.springframework.web..", "jakarta.servlet..", "org.springframework.http..");
		rule.check(PORTAL);
	}

	@Test
	void onlyTheWebEdgeSeesMultipartParts() {
		ArchRule rule = noClasses().that()
			.areNotAnnotatedWith(Controller.class)
			.and()
			.areNotAnnotatedWith(RestController.class)
			.and()
			.areNotAnnotatedWith(ControllerAdvice.class)
			.and()
			.doNotBelongToAnyOf(Uploads.class)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.web.multipart..");
		rule.check(PORTAL);
	}

	@Test
	void onlyControllersThrowWebExceptions() {
		ArchRule rule = noClasses().that()
			.areNotAnnotatedWith(Controller.class)
			.and()
			.areNotAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.web.server.ResponseStatusException");
		rule.check(PORTAL);
	}

}
