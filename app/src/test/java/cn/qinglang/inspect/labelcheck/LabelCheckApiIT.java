package cn.qinglang.inspect.labelcheck;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.qinglang.labelcheck.LabelChecker;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/label-check}: inspectors over HTTP Basic get the checker's JSON;
 * nobody else does, a browser session does not count, and nothing is kept.
 */
@PortalTest
class LabelCheckApiIT {

	private static final Path CORPUS = Path.of("../label-checker/src/test/resources/corpus");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void inspectorGetsTheReportsAsJsonAndNothingIsKept() throws Exception {
		long files = count("file_object");
		long signIns = signIns();

		this.mvc
			.perform(multipart("/api/label-check").file(sample("png/labelled-text.png"))
				.file(sample("mp3/unlabelled.mp3"))
				.with(httpBasic("inspector", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.checkerVersion").value(LabelChecker.VERSION))
			.andExpect(jsonPath("$.files[0].verdict").value("COMPLIANT"))
			.andExpect(jsonPath("$.files[0].labels[0].location").value("PNG tEXt AIGC"))
			.andExpect(jsonPath("$.files[1].problems[0].code").value("IMPLICIT_LABEL_MISSING"))
			.andExpect(jsonPath("$.summary.byVerdict.NON_COMPLIANT").value(1));

		assertThat(count("file_object")).isEqualTo(files);
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'LABEL_CHECK_PERFORMED' AND actor = 'inspector'")
			.query(Long.class)
			.single()).isPositive();
		assertThat(signIns()).as("an API call is audited as the check, not as a sign-in").isEqualTo(signIns);
	}

	private long signIns() {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'SIGN_IN' AND actor = 'inspector'")
			.query(Long.class)
			.single();
	}

	@Test
	void viaPlatformRequiresThePropagatorsFields() throws Exception {
		this.mvc
			.perform(multipart("/api/label-check").file(sample("png/labelled-text.png"))
				.param("viaPlatform", "true")
				.with(httpBasic("inspector", SignIn.DEMO_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.files[0].problems[0].code").value("PROPAGATOR_MISSING"));
	}

	@Test
	void othersAreRefused() throws Exception {
		for (String user : new String[] { "executive", "admin", "auditor", "qingqiong" }) {
			this.mvc
				.perform(multipart("/api/label-check").file(sample("png/labelled-text.png"))
					.with(httpBasic(user, SignIn.DEMO_PASSWORD)))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(multipart("/api/label-check").file(sample("png/labelled-text.png")))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(multipart("/api/label-check").file(sample("png/labelled-text.png"))
				.with(httpBasic("inspector", "wrong-password")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aSignedInBrowserSessionIsNotEnough() throws Exception {
		MockHttpSession session = SignIn.as(this.mvc, "inspector");

		this.mvc.perform(multipart("/api/label-check").file(sample("png/labelled-text.png")).session(session))
			.andExpect(status().isUnauthorized());
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static MockMultipartFile sample(String path) throws Exception {
		return new MockMultipartFile("files", Path.of(path).getFileName().toString(), "application/octet-stream",
				Files.readAllBytes(CORPUS.resolve(path)));
	}

}
