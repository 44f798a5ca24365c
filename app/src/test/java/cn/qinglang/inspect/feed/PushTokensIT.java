package cn.qinglang.inspect.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Push tokens, self-service: a platform user makes one on its feed page (shown once,
 * stored as a digest), pushes with it, revokes it; another enterprise's user can neither
 * see nor revoke it; an administrator lists and revokes any.
 */
@PortalTest
class PushTokensIT {

	private static final String FEED = "/my-enterprise/feed";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPlatformUserMakesATokenPushesWithItAndRevokesIt() throws Exception {
		MockHttpSession qingqiong = SignIn.as(this.mvc, "qingqiong");
		String name = "ci-" + System.nanoTime();
		MvcResult made = this.mvc
			.perform(post(FEED + "/tokens").with(csrf()).session(qingqiong).param("name", name).param("days", "30"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String token = (String) made.getFlashMap().get("newToken");
		assertThat(token).startsWith("qlt_").hasSize(47);
		long id = this.jdbc.sql("SELECT id FROM api_token WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("SELECT token_hash FROM api_token WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo(ApiTokens.hash(token)).doesNotContain(token.substring(4));
		// shown on the page the creation leads to, and never again
		this.mvc.perform(get(FEED).session(qingqiong)).andExpect(content().string(containsString(token)));
		this.mvc.perform(get(FEED).session(qingqiong))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString(token.substring(0, 12))))
			.andExpect(content().string(not(containsString(token))));
		assertThat(push(token)).isEqualTo(200);

		// another enterprise's user neither sees nor revokes it
		MockHttpSession yunfan = SignIn.as(this.mvc, "yunfan");
		this.mvc.perform(get(FEED).session(yunfan)).andExpect(content().string(not(containsString(name))));
		this.mvc.perform(post(FEED + "/tokens/" + id + "/revoke").with(csrf()).session(yunfan))
			.andExpect(status().isNotFound());
		assertThat(push(token)).isEqualTo(200);

		this.mvc.perform(post(FEED + "/tokens/" + id + "/revoke").with(csrf()).session(qingqiong))
			.andExpect(status().is3xxRedirection());
		assertThat(push(token)).isEqualTo(401);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM audit_log WHERE target_type = 'api_token' AND target_id = :id
				  AND action IN ('TOKEN_CREATED', 'TOKEN_REVOKED') AND actor = 'qingqiong'""")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void anAdministratorListsAndRevokesAnyTokenAndNoOneElseMay() throws Exception {
		MockHttpSession qingqiong = SignIn.as(this.mvc, "qingqiong");
		String name = "admin-" + System.nanoTime();
		String token = (String) this.mvc
			.perform(post(FEED + "/tokens").with(csrf()).session(qingqiong).param("name", name))
			.andReturn()
			.getFlashMap()
			.get("newToken");
		long id = this.jdbc.sql("SELECT id FROM api_token WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
		MockHttpSession admin = SignIn.as(this.mvc, "admin");
		this.mvc.perform(get("/admin/feeds/tokens").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));
		this.mvc.perform(get("/admin/feeds/tokens").session(SignIn.as(this.mvc, "inspector")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/feeds/tokens/" + id + "/revoke").with(csrf()).session(qingqiong))
			.andExpect(status().isForbidden());
		assertThat(push(token)).isEqualTo(200);
		this.mvc.perform(post("/admin/feeds/tokens/" + id + "/revoke").with(csrf()).session(admin))
			.andExpect(status().is3xxRedirection());
		assertThat(push(token)).isEqualTo(401);
	}

	@Test
	void aTokenNeedsAName() throws Exception {
		MockHttpSession qingqiong = SignIn.as(this.mvc, "qingqiong");
		long before = this.jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single();
		this.mvc
			.perform(post(FEED + "/tokens").with(csrf())
				.session(qingqiong)
				.param("name", " ")
				.header("Referer", "http://localhost" + FEED))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single()).isEqualTo(before);
	}

	private int push(String token) throws Exception {
		String record = "{\"type\":\"complaint\",\"id\":\"tok-" + System.nanoTime() + "\",\"enterprise\":\""
				+ this.jdbc
					.sql("SELECT e.credit_code FROM enterprise e JOIN app_user u ON u.enterprise_id = e.id "
							+ "WHERE u.username = 'qingqiong'")
					.query(String.class)
					.single()
				+ "\",\"received_at\":\"2026-05-20T09:30:00+08:00\",\"category\":\"RUMOR\",\"content_type\":\"TEXT\","
				+ "\"channel\":\"WEB_FORM\",\"status\":\"RECEIVED\",\"summary\":\"令牌测试\"}";
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/records?dryRun=true"))
				.header("Authorization", "Bearer " + token)
				.POST(HttpRequest.BodyPublishers.ofString(record))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

}
