package cn.qinglang.inspect;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages are Spring Modulith modules: no cycles, no reaching into another
 * module's internals, and no dependency that the module does not declare
 * ({@code @ApplicationModule(allowedDependencies = …)} in its package-info). Writes the
 * module documentation to target/spring-modulith-docs.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(QinglangInspectApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void everyModuleDeclaresWhatItMayUse() throws ClassNotFoundException {
		assertThat(this.modules.stream()).hasSizeGreaterThanOrEqualTo(17);
		for (org.springframework.modulith.core.ApplicationModule module : this.modules) {
			String base = module.getBasePackage().getName();
			ApplicationModule declared = Class.forName(base + ".package-info").getAnnotation(ApplicationModule.class);
			assertThat(declared).as("@ApplicationModule on %s", base).isNotNull();
			assertThat(declared.allowedDependencies()).as("allowed dependencies of %s", base)
				.doesNotContain(ApplicationModule.OPEN_TOKEN);
			assertThat(declared.type()).as("%s is closed", base).isEqualTo(ApplicationModule.Type.CLOSED);
		}
	}

	@Test
	void documentsTheModules() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
