package cn.qinglang.inspect.labelcheck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.qinglang.inspect.files.Blobs;
import cn.qinglang.labelcheck.LabelChecker;
import cn.qinglang.labelcheck.ProblemCode;
import cn.qinglang.labelcheck.Samples;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The spot check inside an inspection: samples kept by their hashes, results saved with
 * the checker's version, the results page, one-step findings, and who may do what.
 */
@PortalTest
class LabelSpotCheckIT {

	private static final Path CORPUS = Path.of("../label-checker/src/test/resources/corpus");

	@Autowired
	Blobs blobs;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	MockHttpSession inspector;

	long inspection;

	@BeforeEach
	void openSpotCheck() throws Exception {
		this.inspector = SignIn.as(this.mvc, "inspector");
		this.inspection = open(this.inspector, enterpriseIn("110108"), "LABEL_SPOT_CHECK");
	}

	@Test
	void samplesAreKeptByTheirHashesAndCheckedWithTheCheckersVersion() throws Exception {
		byte[] labelled = Files.readAllBytes(CORPUS.resolve("png/labelled-text.png"));

		long run = check(this.inspection, corpus("png/labelled-text.png"), corpus("jpeg/unlabelled.jpg"),
				corpus("png/chunk-2gb.png"), corpus("text/label-start.txt"));

		assertThat(this.jdbc.sql("SELECT checker_version FROM label_check_run WHERE id = :r")
			.param("r", run)
			.query(String.class)
			.single()).isEqualTo(LabelChecker.VERSION);
		assertThat(
				this.jdbc.sql("SELECT file_name, verdict FROM label_check_result WHERE run_id = :r ORDER BY position")
					.param("r", run)
					.query((rs, row) -> rs.getString(1) + "=" + rs.getString(2))
					.list())
			.containsExactly("labelled-text.png=COMPLIANT", "unlabelled.jpg=NON_COMPLIANT", "chunk-2gb.png=CANNOT_TELL",
					"label-start.txt=COMPLIANT");
		String sha = sha256(labelled);
		assertThat(this.jdbc.sql("""
				SELECT o.sm3 FROM label_check_result x JOIN file_object o ON o.id = x.file_object_id
				WHERE x.run_id = :r AND o.sha256 = :sha""")
			.param("r", run)
			.param("sha", sha)
			.query(String.class)
			.single()).hasSize(64);
		try (InputStream kept = this.blobs.open(sha)) {
			assertThat(kept.readAllBytes()).isEqualTo(labelled);
		}
		assertThat(audited("SPOT_CHECK_RECORDED", String.valueOf(run))).isTrue();
	}

	@Test
	void resultsPageShowsCountsLabelsProblemsAndHashes() throws Exception {
		long run = check(this.inspection, corpus("png/labelled-text.png"), corpus("jpeg/not-json.jpg"),
				corpus("wav/unlabelled.wav"));

		this.mvc.perform(get("/inspections/" + this.inspection + "/spot-checks/" + run).session(this.inspector))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"count-NON_COMPLIANT\">2<")))
			.andExpect(content().string(containsString("PNG tEXt AIGC")))
			.andExpect(content().string(containsString("隐式标识不是 JSON 对象")))
			.andExpect(content().string(containsString("SHA-256 ")))
			.andExpect(content().string(containsString("</html>")));
		this.mvc.perform(get("/inspections/" + this.inspection).session(this.inspector))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"spot-check-runs\"")))
			.andExpect(content().string(containsString("id=\"spot-check-form\"")));
	}

	@Test
	void findingIsRecordedInOneStepWithTheSuggestedItemAndTheSampleAttached() throws Exception {
		long run = check(this.inspection, corpus("jpeg/unlabelled.jpg"));
		long result = resultOf(run, "unlabelled.jpg");
		long gen03 = catalogId("GEN-03");

		String page = this.mvc
			.perform(get("/inspections/" + this.inspection + "/spot-checks/" + run).session(this.inspector))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("<option value=\"" + gen03 + "\" selected=\"selected\">GEN-03");

		MvcResult created = this.mvc
			.perform(post(findingPath(run, result)).session(this.inspector)
				.with(csrf())
				.param("catalogItemId", Long.toString(gen03)))
			.andReturn();

		assertThat(created.getFlashMap().get("message")).isEqualTo("spotcheck.finding.created");
		Long finding = this.jdbc.sql("SELECT finding_id FROM label_check_result WHERE id = :x")
			.param("x", result)
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("""
				SELECT c.code FROM finding f JOIN catalog_item c ON c.id = f.catalog_item_id WHERE f.id = :f""")
			.param("f", finding)
			.query(String.class)
			.single()).isEqualTo("GEN-03");
		assertThat(this.jdbc.sql("""
				SELECT a.file_object_id = x.file_object_id FROM finding_attachment a
				JOIN label_check_result x ON x.finding_id = a.finding_id WHERE a.finding_id = :f""")
			.param("f", finding)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.mvc
			.perform(post(findingPath(run, result)).session(this.inspector)
				.with(csrf())
				.param("catalogItemId", Long.toString(gen03)))
			.andReturn()
			.getFlashMap()
			.get("problem")).isEqualTo("spotcheck.finding.exists");
	}

	@Test
	void compliantResultGetsNoFinding() throws Exception {
		long run = check(this.inspection, corpus("png/labelled-text.png"));

		MvcResult refused = this.mvc
			.perform(post(findingPath(run, resultOf(run, "labelled-text.png"))).session(this.inspector)
				.with(csrf())
				.param("catalogItemId", Long.toString(catalogId("GEN-03"))))
			.andReturn();

		assertThat(refused.getFlashMap().get("problem")).isEqualTo("spotcheck.finding.notNonCompliant");
	}

	@Test
	void zipIsCheckedEntryByEntryAndNothingLandsOutsideTheDatabase() throws Exception {
		long blobs = count("stored_blob");
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		byte[] labelled = Files.readAllBytes(CORPUS.resolve("png/labelled-text.png"));
		// a sample no other test keeps: its file is new to the database
		byte[] other = Samples.png(Samples.pngBody(8, 8), Samples.pngText("AIGC", Samples.GOOD),
				Samples.pngChunk("zzZz", Long.toString(System.nanoTime()).getBytes(StandardCharsets.US_ASCII)));
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			entry(out, "good/labelled.png", other);
			entry(out, "../../escaped.png", labelled);
			out.putNextEntry(new ZipEntry("bomb.png"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 20; i++) {
				out.write(zeros);
			}
		}

		long run = check(this.inspection,
				new MockMultipartFile("files", "样本.zip", "application/zip", zip.toByteArray()));

		assertThat(this.jdbc.sql("""
				SELECT x.file_name, x.verdict, p.code FROM label_check_result x
				LEFT JOIN label_check_problem p ON p.result_id = x.id WHERE x.run_id = :r ORDER BY x.position""")
			.param("r", run)
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list()).containsExactly("样本.zip!/good/labelled.png COMPLIANT null",
					"样本.zip!/../../escaped.png CANNOT_TELL UNSAFE_NAME", "样本.zip!/bomb.png CANNOT_TELL TOO_LARGE");
		assertThat(count("stored_blob")).as("only the good sample is kept").isEqualTo(blobs + 1);
		try (InputStream kept = this.blobs.open(sha256(other))) {
			assertThat(kept.readAllBytes()).isEqualTo(other);
		}
		for (Path folder : List.of(Path.of(System.getProperty("java.io.tmpdir")), Path.of("").toAbsolutePath())) {
			try (Stream<Path> files = Files.walk(folder, 3)) {
				assertThat(files.filter((file) -> file.getFileName().toString().equals("escaped.png"))).isEmpty();
			}
		}
	}

	@Test
	void zipLargerThanOneSampleMayBeIsCheckedWhileSuchASampleAloneIsRefused() throws Exception {
		// the test profile allows samples of 2 MB: three samples of 1 MB in a ZIP of 3 MB
		byte[] sample = Samples.png(Samples.pngBody(8, 8), Samples.pngText("AIGC", Samples.GOOD),
				Samples.pngChunk("zzZz", new byte[1024 * 1024]));
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
			for (int i = 0; i < 3; i++) {
				entry(out, i + ".png", sample);
			}
		}
		byte[] large = java.util.Arrays.copyOf(sample, 3 * 1024 * 1024);
		assertThat(zip.size()).isGreaterThan(3 * 1024 * 1024);

		long run = check(this.inspection,
				new MockMultipartFile("files", "三个样本.zip", "application/zip", zip.toByteArray()),
				new MockMultipartFile("files", "large.png", "image/png", large));

		assertThat(this.jdbc.sql("""
				SELECT x.file_name, x.verdict, p.code FROM label_check_result x
				LEFT JOIN label_check_problem p ON p.result_id = x.id WHERE x.run_id = :r ORDER BY x.position""")
			.param("r", run)
			.query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list()).containsExactly("三个样本.zip!/0.png COMPLIANT null", "三个样本.zip!/1.png COMPLIANT null",
					"三个样本.zip!/2.png COMPLIANT null", "large.png CANNOT_TELL TOO_LARGE");
	}

	@Test
	void thousandsOfFilesInOneBatchEachGetAResult() throws Exception {
		byte[] labelled = Samples.png(Samples.pngBody(4, 4), Samples.pngText("AIGC", Samples.GOOD));
		byte[] unlabelled = Samples.pngBody(4, 4);
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			for (int i = 0; i < 2000; i++) {
				entry(out, "%04d.png".formatted(i), (i % 2 == 0) ? labelled : unlabelled);
			}
		}

		long run = check(this.inspection,
				new MockMultipartFile("files", "batch.zip", "application/zip", zip.toByteArray()));

		assertThat(this.jdbc
			.sql("SELECT verdict, COUNT(*) FROM label_check_result WHERE run_id = :r GROUP BY verdict ORDER BY verdict")
			.param("r", run)
			.query((rs, row) -> rs.getString(1) + "=" + rs.getLong(2))
			.list()).containsExactly("COMPLIANT=1000", "NON_COMPLIANT=1000");
	}

	@Test
	void resultsCannotBeChangedOrDeleted() throws Exception {
		long run = check(this.inspection, corpus("jpeg/unlabelled.jpg"));

		assertThatThrownBy(() -> this.jdbc.sql("UPDATE label_check_result SET verdict = 'COMPLIANT' WHERE run_id = :r")
			.param("r", run)
			.update()).hasMessageContaining("immutable");
		assertThatThrownBy(() -> this.jdbc.sql(
				"DELETE FROM label_check_problem WHERE result_id IN (SELECT id FROM label_check_result WHERE run_id = :r)")
			.param("r", run)
			.update()).hasMessageContaining("immutable");
	}

	@Test
	void onlySpotCheckInspectionsCheckSamples() throws Exception {
		long remote = open(this.inspector, enterpriseIn("110108"), "REMOTE");

		MvcResult refused = this.mvc
			.perform(multipart("/inspections/" + remote + "/spot-checks").file(corpus("png/labelled-text.png"))
				.session(this.inspector)
				.with(csrf()))
			.andReturn();

		assertThat(refused.getFlashMap().get("problem")).isEqualTo("spotcheck.wrongKind");
	}

	@Test
	void othersAreRefused() throws Exception {
		long run = check(this.inspection, corpus("jpeg/unlabelled.jpg"));
		long runs = count("label_check_run");
		long chaoyang = open(this.inspector, enterpriseIn("110105"), "LABEL_SPOT_CHECK");
		String platform = this.jdbc
			.sql("SELECT code FROM enterprise WHERE jurisdiction_code = '110108' ORDER BY id LIMIT 1")
			.query(String.class)
			.single();

		for (String user : List.of(platform, "executive", "auditor", "admin")) {
			this.mvc
				.perform(multipart("/inspections/" + this.inspection + "/spot-checks")
					.file(corpus("png/labelled-text.png"))
					.session(SignIn.as(this.mvc, user))
					.with(csrf()))
				.andExpect(status().isForbidden());
		}
		MockHttpSession haidian = SignIn.as(this.mvc, "inspector-haidian");
		this.mvc
			.perform(multipart("/inspections/" + chaoyang + "/spot-checks").file(corpus("png/labelled-text.png"))
				.session(haidian)
				.with(csrf()))
			.andExpect(status().isNotFound());
		MockHttpSession executive = SignIn.as(this.mvc, "executive");
		this.mvc.perform(get("/inspections/" + this.inspection + "/spot-checks/" + run).session(executive))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("create-finding"))));
		this.mvc
			.perform(post(findingPath(run, resultOf(run, "unlabelled.jpg"))).session(executive)
				.with(csrf())
				.param("catalogItemId", Long.toString(catalogId("GEN-03"))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/inspections/" + this.inspection + "/spot-checks/" + run)
				.session(SignIn.as(this.mvc, platform)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/inspections/" + this.inspection + "/spot-checks/" + run + "/results/"
					+ resultOf(run, "unlabelled.jpg") + "/file")
				.session(SignIn.as(this.mvc, platform)))
			.andExpect(status().isForbidden());
		assertThat(count("label_check_run")).isEqualTo(runs);
	}

	@Test
	void districtInspectorCannotSeeAnotherDistrictsSpotCheck() throws Exception {
		long chaoyang = open(this.inspector, enterpriseIn("110105"), "LABEL_SPOT_CHECK");
		long run = check(chaoyang, corpus("jpeg/unlabelled.jpg"));
		MockHttpSession haidian = SignIn.as(this.mvc, "inspector-haidian");

		this.mvc.perform(get("/inspections/" + chaoyang + "/spot-checks/" + run).session(haidian))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/inspections/" + chaoyang + "/spot-checks/" + run + "/results/"
					+ resultOf(run, "unlabelled.jpg") + "/file")
				.session(haidian))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post(findingPath(chaoyang, run, resultOf(run, "unlabelled.jpg"))).session(haidian)
				.with(csrf())
				.param("catalogItemId", Long.toString(catalogId("GEN-03"))))
			.andExpect(status().isNotFound());
		// a run of another inspection under this one's address
		this.mvc.perform(get("/inspections/" + this.inspection + "/spot-checks/" + run).session(this.inspector))
			.andExpect(status().isNotFound());
	}

	@Test
	void sampleIsDownloadedAsAnAttachment() throws Exception {
		long run = check(this.inspection, corpus("png/labelled-text.png"));

		this.mvc
			.perform(get("/inspections/" + this.inspection + "/spot-checks/" + run + "/results/"
					+ resultOf(run, "labelled-text.png") + "/file")
				.session(this.inspector))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/octet-stream"))
			.andExpect(content().bytes(Files.readAllBytes(CORPUS.resolve("png/labelled-text.png"))));
	}

	@Test
	void everyDefectNamesACatalogItemThatExists() {
		Set<String> codes = Set.copyOf(this.jdbc.sql("SELECT code FROM catalog_item").query(String.class).list());
		assertThat(Stream.of(ProblemCode.values())
			.filter((code) -> code.kind() == ProblemCode.Kind.DEFECT)
			.map(ProblemCode::catalogCode)
			.collect(Collectors.toSet())).isSubsetOf(codes);
	}

	private long check(long inspectionId, MockMultipartFile... files) throws Exception {
		var request = multipart("/inspections/" + inspectionId + "/spot-checks");
		for (MockMultipartFile file : files) {
			request.file(file);
		}
		MvcResult result = this.mvc.perform(request.session(this.inspector).with(csrf())).andReturn();
		String location = result.getResponse().getRedirectedUrl();
		String prefix = "/inspections/" + inspectionId + "/spot-checks/";
		if (location == null || !location.startsWith(prefix)) {
			throw new IllegalStateException("no run: " + location + " " + result.getFlashMap());
		}
		return Long.parseLong(location.substring(prefix.length()));
	}

	private long open(MockHttpSession session, long enterprise, String kind) throws Exception {
		String location = this.mvc
			.perform(post("/inspections/new").session(session)
				.with(csrf())
				.param("enterprise", Long.toString(enterprise))
				.param("kind", kind)
				.param("date", LocalDate.now().toString())
				.param("inspectors", "王检查")
				.param("scope", "生成内容标识抽检"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring("/inspections/".length()));
	}

	private long enterpriseIn(String jurisdiction) {
		return this.jdbc.sql("SELECT MIN(id) FROM enterprise WHERE jurisdiction_code = :j")
			.param("j", jurisdiction)
			.query(Long.class)
			.single();
	}

	private long resultOf(long run, String name) {
		return this.jdbc.sql("SELECT id FROM label_check_result WHERE run_id = :r AND file_name = :n")
			.param("r", run)
			.param("n", name)
			.query(Long.class)
			.single();
	}

	private long catalogId(String code) {
		return this.jdbc.sql("SELECT id FROM catalog_item WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private String findingPath(long run, long result) {
		return findingPath(this.inspection, run, result);
	}

	private static String findingPath(long inspection, long run, long result) {
		return "/inspections/" + inspection + "/spot-checks/" + run + "/results/" + result + "/finding";
	}

	private boolean audited(String action, String target) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = :a AND target_id = :t")
			.param("a", action)
			.param("t", target)
			.query(Long.class)
			.single() > 0;
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static MockMultipartFile corpus(String path) throws IOException {
		return new MockMultipartFile("files", Path.of(path).getFileName().toString(), "application/octet-stream",
				Files.readAllBytes(CORPUS.resolve(path)));
	}

	private static void entry(ZipOutputStream out, String name, byte[] content) throws IOException {
		out.putNextEntry(new ZipEntry(name));
		out.write(content);
	}

	static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
