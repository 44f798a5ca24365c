package cn.qinglang.inspect.journey;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.inspect.journey.Pages.EnterpriseDetailPage;
import cn.qinglang.inspect.journey.Pages.EnterpriseListPage;
import cn.qinglang.inspect.journey.Pages.HomePage;
import cn.qinglang.inspect.journey.Pages.LoginPage;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an inspector signs in, switches to English, finds an enterprise and
 * opens it.
 */
@PortalTest
class InspectorJourneyIT extends BrowserJourney {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void inspectorSignsInSwitchesToEnglishAndOpensAnEnterprise() throws Exception {
		String baseUrl = "http://localhost:" + this.port;
		String creditCode = this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id = 1")
			.query(String.class)
			.single();

		HomePage home = LoginPage.open(driver, baseUrl).signIn("inspector", SignIn.DEMO_PASSWORD);
		assertThat(home.heading()).contains("您好");
		assertThat(home.officeName()).isEqualTo("北京市互联网信息办公室");
		Browser.screenshot(driver, "inspector-home-zh");

		home.switchLanguage();
		assertThat(home.heading()).startsWith("Welcome");
		assertThat(home.enterprisesLinkText()).isEqualTo("Enterprises");
		assertThat(home.officeName()).isEqualTo("Beijing Municipal Cyberspace Administration");

		EnterpriseListPage list = home.openEnterprises().search(creditCode);
		assertThat(list.resultCount()).isEqualTo("1 enterprise");
		List<String> names = list.names();
		assertThat(names).hasSize(1);

		Browser.screenshot(driver, "enterprise-search-en");
		EnterpriseDetailPage detail = list.open(names.get(0));
		assertThat(detail.name()).isEqualTo(names.get(0)).contains("Co., Ltd.");
		assertThat(detail.creditCode()).isEqualTo(creditCode);
	}

}
