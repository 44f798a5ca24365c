package cn.qinglang.inspect.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.inspect.support.PortalClient;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;
import cn.qinglang.inspect.support.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP: what MockMvc does not show (the servlet container's error pages, the
 * session cookie).
 */
@PortalTest
class SessionAndErrorPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signInIssuesANewSessionId() throws Exception {
		PortalClient client = new PortalClient(this.port);
		client.get("/login");
		String before = client.sessionId();

		HttpResponse<String> response = client.signIn("executive", SignIn.DEMO_PASSWORD);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(before).isNotNull();
		assertThat(client.sessionId()).isNotNull().isNotEqualTo(before);
	}

	@Test
	void forbiddenPageIsFriendlyAndTranslated() throws Exception {
		PortalClient client = new PortalClient(this.port);
		client.signIn("qingqiong", SignIn.DEMO_PASSWORD);

		HttpResponse<String> denied = client.get("/admin/users");
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.body()).contains("无权访问").contains("id=\"nav-my-enterprise\"");

		HttpResponse<String> english = client.get("/admin/users?lang=en");
		assertThat(english.body()).contains("Access denied");
	}

	@Test
	void enterpriseOutsideTheJurisdictionIsNotFound() throws Exception {
		long chaoyangId = this.jdbc.sql("SELECT MIN(id) FROM enterprise WHERE jurisdiction_code = '110105'")
			.query(Long.class)
			.single();
		PortalClient client = new PortalClient(this.port);
		client.signIn("inspector-haidian", SignIn.DEMO_PASSWORD);

		HttpResponse<String> response = client.get("/enterprises/" + chaoyangId);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("页面不存在").doesNotContain("110105");
	}

	@Test
	void malformedRequestGetsAFriendlyPage() throws Exception {
		PortalClient client = new PortalClient(this.port);
		client.signIn("inspector", SignIn.DEMO_PASSWORD);

		HttpResponse<String> response = client.get("/enterprises/not-a-number");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("请求无效").contains("id=\"nav-enterprises\"");
	}

	@Test
	void lockedAccountIsToldSo() throws Exception {
		TestAccounts.create(this.jdbc, "locked-http-probe", "AUDITOR", null);
		PortalClient client = new PortalClient(this.port);
		for (int i = 0; i < 5; i++) {
			client.signIn("locked-http-probe", "wrong-" + i);
		}

		HttpResponse<String> refused = client.signIn("locked-http-probe", SignIn.DEMO_PASSWORD);
		assertThat(refused.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login?error"));

		assertThat(client.get("/login?error").body()).contains("账户已锁定");
	}

}
