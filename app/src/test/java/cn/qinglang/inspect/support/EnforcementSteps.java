package cn.qinglang.inspect.support;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The steps of the enforcement loop as the portal's forms post them, for the tests that
 * need an inspection, an order or a submission to work on.
 */
public final class EnforcementSteps {

	/** A small real PDF (header, one empty page), so Tika types it by its content. */
	public static final byte[] PDF = """
			%PDF-1.4
			1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
			2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
			3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
			trailer << /Root 1 0 R >>
			%%EOF
			""".getBytes(StandardCharsets.US_ASCII);

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	public EnforcementSteps(MockMvc mvc, JdbcClient jdbc) {
		this.mvc = mvc;
		this.jdbc = jdbc;
	}

	public long openInspection(MockHttpSession inspector, long enterpriseId) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/inspections/new").session(inspector)
				.with(csrf())
				.param("enterprise", Long.toString(enterpriseId))
				.param("kind", "REMOTE")
				.param("date", LocalDate.now().toString())
				.param("inspectors", "王检查")
				.param("scope", "AI 生成内容标识落实情况"))
			.andReturn();
		return idFromRedirect(result, "/inspections/");
	}

	public long recordFinding(MockHttpSession inspector, long inspectionId, String catalogCode, String description)
			throws Exception {
		postFinding(inspector, inspectionId, catalogCode, description);
		return this.jdbc.sql("SELECT MAX(id) FROM finding WHERE inspection_id = :i")
			.param("i", inspectionId)
			.query(Long.class)
			.single();
	}

	public MvcResult postFinding(MockHttpSession inspector, long inspectionId, String catalogCode, String description)
			throws Exception {
		long itemId = this.jdbc.sql("SELECT id FROM catalog_item WHERE code = :c")
			.param("c", catalogCode)
			.query(Long.class)
			.single();
		return this.mvc
			.perform(multipart("/inspections/" + inspectionId + "/findings")
				.file(new MockMultipartFile("files", "截图.pdf", "application/pdf", PDF))
				.session(inspector)
				.with(csrf())
				.param("catalogItemId", Long.toString(itemId))
				.param("severity", "HIGH")
				.param("description", description))
			.andReturn();
	}

	public long issueOrder(MockHttpSession inspector, long inspectionId, List<Long> findingIds, List<String> measures)
			throws Exception {
		var request = post("/inspections/" + inspectionId + "/orders").session(inspector)
			.with(csrf())
			.param("deadline", LocalDate.now().plusDays(15).toString())
			.param("disposition", "ORDER_TO_RECTIFY");
		findingIds.forEach((id) -> request.param("findingIds", id.toString()));
		measures.forEach((measure) -> request.param("measures", measure));
		return idFromRedirect(this.mvc.perform(request).andReturn(), "/orders/");
	}

	public List<Long> measureIds(long orderId) {
		return this.jdbc.sql("SELECT id FROM order_measure WHERE order_id = :o ORDER BY position")
			.param("o", orderId)
			.query(Long.class)
			.list();
	}

	public MvcResult submit(MockHttpSession platform, long orderId, long measureId, MockMultipartFile... files)
			throws Exception {
		var request = multipart("/my-enterprise/orders/" + orderId + "/measures/" + measureId + "/submissions");
		for (MockMultipartFile file : files) {
			request.file(file);
		}
		return this.mvc
			.perform(request.session(platform)
				.with(csrf())
				.param("statement", "已完成整改，详见附件。")
				.param("effectiveDate", LocalDate.now().minusDays(1).toString()))
			.andReturn();
	}

	public long latestSubmission(long measureId) {
		return this.jdbc.sql("SELECT MAX(id) FROM measure_submission WHERE measure_id = :m")
			.param("m", measureId)
			.query(Long.class)
			.single();
	}

	public MvcResult review(MockHttpSession inspector, long orderId, long submissionId, String outcome)
			throws Exception {
		return this.mvc
			.perform(post("/orders/" + orderId + "/submissions/" + submissionId + "/review").session(inspector)
				.with(csrf())
				.param("outcome", outcome)
				.param("comment", "RETURNED".equals(outcome) ? "材料不足，请补充标识核验记录" : "同意"))
			.andReturn();
	}

	public static MockMultipartFile pdf(String name) {
		return new MockMultipartFile("files", name, "application/pdf", PDF);
	}

	private static long idFromRedirect(MvcResult result, String prefix) {
		String location = result.getResponse().getRedirectedUrl();
		if (location == null || !location.startsWith(prefix)) {
			throw new IllegalStateException("expected a redirect to " + prefix + "…, got " + location + " ("
					+ result.getResponse().getStatus() + ", flash " + result.getFlashMap() + ")");
		}
		return Long.parseLong(location.substring(prefix.length()));
	}

}
