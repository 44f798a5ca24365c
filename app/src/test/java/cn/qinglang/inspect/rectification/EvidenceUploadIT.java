package cn.qinglang.inspect.rectification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.qinglang.inspect.support.EnforcementSteps;
import cn.qinglang.inspect.support.Hashes;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Uploads are typed by their content and refused with a clear reason; a refused upload
 * leaves no row and no stored file or chunk behind, and the measure stays as it was.
 */
@PortalTest
class EvidenceUploadIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	EnforcementSteps steps;

	MockHttpSession platform;

	long order;

	long measure;

	@BeforeEach
	void openOrder() throws Exception {
		this.steps = new EnforcementSteps(this.mvc, this.jdbc);
		MockHttpSession inspector = SignIn.as(this.mvc, "inspector");
		long inspection = this.steps.openInspection(inspector, 1);
		long finding = this.steps.recordFinding(inspector, inspection, "GEN-04", "隐式标识位置不规范");
		this.order = this.steps.issueOrder(inspector, inspection, List.of(finding), List.of("按附录E写入隐式标识"));
		this.measure = this.steps.measureIds(this.order).get(0);
		this.platform = SignIn.as(this.mvc, "qingqiong");
	}

	static Stream<Arguments> refusedUploads() {
		byte[] executable = new byte[256];
		executable[0] = 'M';
		executable[1] = 'Z';
		byte[] zip = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
		byte[] tooLarge = new byte[1024 * 1024 + 1];
		tooLarge[0] = 'x';
		return Stream.of(
				Arguments.of("executable renamed .pdf", file("整改报告.pdf", executable), "evidence.typeNotAllowed"),
				Arguments.of("archive", file("材料.zip", zip), "evidence.typeNotAllowed"),
				Arguments.of("over the limit", file("大文件.txt", tooLarge), "evidence.tooLarge"),
				Arguments.of("empty file", file("空.pdf", new byte[0]), "evidence.empty"),
				Arguments.of("path traversal", file("../../etc/passwd.txt", text()), "evidence.name.traversal"),
				Arguments.of("control characters", file("报告\u0007.txt", text()), "evidence.name.control"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedUploads")
	void refusedUploadLeavesNothingBehind(String label, MockMultipartFile upload, String reason)
			throws IOException, Exception {
		long files = count("file_object");
		long submissions = count("measure_submission");
		List<Long> stored = storedFiles();

		MvcResult result = this.steps.submit(this.platform, this.order, this.measure, upload);

		assertThat(result.getFlashMap().get("problem")).isEqualTo(reason);
		assertThat(count("file_object")).isEqualTo(files);
		assertThat(count("measure_submission")).isEqualTo(submissions);
		assertThat(storedFiles()).isEqualTo(stored);
		assertThat(this.jdbc.sql("SELECT status FROM order_measure WHERE id = :m")
			.param("m", this.measure)
			.query(String.class)
			.single()).isEqualTo("PENDING");
	}

	@Test
	void goodFileNextToABadOneIsNotKeptEither() throws Exception {
		List<Long> stored = storedFiles();
		byte[] unique = ("独有内容 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);

		MvcResult result = this.steps.submit(this.platform, this.order, this.measure, file("好.txt", unique),
				file("坏.pdf", new byte[0]));

		assertThat(result.getFlashMap().get("problem")).isEqualTo("evidence.empty");
		assertThat(storedFiles()).as("the good file's row rolled back, its chunks deleted").isEqualTo(stored);
	}

	@Test
	void acceptedFileIsTypedByItsContentStoredUnderItsHashAndDownloadedUnchanged() throws Exception {
		this.steps.submit(this.platform, this.order, this.measure, file("看起来是图片.png", EnforcementSteps.PDF));

		long fileId = this.jdbc.sql("""
				SELECT f.id FROM file_object f JOIN submission_file sf ON sf.file_object_id = f.id
				JOIN measure_submission s ON s.id = sf.submission_id WHERE s.measure_id = :m""")
			.param("m", this.measure)
			.query(Long.class)
			.single();
		String sha = Hashes.sha256(EnforcementSteps.PDF);
		assertThat(this.jdbc.sql("SELECT CONCAT(content_type, ' ', sha256, ' ', sm3) FROM file_object WHERE id = :id")
			.param("id", fileId)
			.query(String.class)
			.single()).isEqualTo("application/pdf " + sha + " " + Hashes.sm3(EnforcementSteps.PDF));
		assertThat(this.jdbc.sql("SELECT CONCAT(sm3, ' ', size) FROM stored_blob WHERE sha256 = :sha")
			.param("sha", sha)
			.query(String.class)
			.single()).isEqualTo(Hashes.sm3(EnforcementSteps.PDF) + " " + EnforcementSteps.PDF.length);
		MockHttpServletResponse download = this.mvc.perform(get("/files/" + fileId).session(this.platform))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(download.getHeader("Content-Length")).isEqualTo(String.valueOf(EnforcementSteps.PDF.length));
		assertThat(Hashes.sha256(download.getContentAsByteArray())).isEqualTo(sha);
	}

	/** The stored files and their chunks, as counts. */
	private List<Long> storedFiles() {
		return List.of(count("stored_blob"), count("stored_blob_chunk"));
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("files", name, "application/pdf", content);
	}

	private static byte[] text() {
		return "内容".getBytes(StandardCharsets.UTF_8);
	}

}
