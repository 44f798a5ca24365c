package cn.qinglang.inspect.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.qinglang.batch.records.RecordType;
import cn.qinglang.batch.records.RejectReason;
import cn.qinglang.inspect.support.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published contract and the code agree: the contract is served without a token; it
 * names exactly the API's mappings, statuses, record types and reason codes of the code;
 * real answers (a stored request, a refused one, the whole-request errors) validate
 * against its schemas.
 */
@PortalTest
class PushApiContractIT {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	JsonNode contract;

	@BeforeEach
	void readContract() throws Exception {
		HttpResponse<String> served = this.http.send(HttpRequest.newBuilder(uri("/api/v1/openapi.json")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(served.statusCode()).isEqualTo(200);
		this.contract = this.json.readTree(served.body());
	}

	@Test
	void namesExactlyTheMappingsCodesAndValuesOfTheCode() {
		Set<String> mapped = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType() == PushApiController.class) {
				info.getPathPatternsCondition()
					.getPatternValues()
					.stream()
					.filter((path) -> !path.equals(PushApiController.CONTRACT))
					.forEach((path) -> info.getMethodsCondition()
						.getMethods()
						.forEach((verb) -> mapped.add(verb.name() + " " + path)));
			}
		});
		Set<String> documented = new TreeSet<>();
		this.contract.get("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((verb) -> documented.add(verb.getKey().toUpperCase() + " " + path.getKey())));
		assertThat(documented).isEqualTo(mapped).isNotEmpty();
		JsonNode result = schemas().get("Result").get("properties");
		List<String> reasons = new ArrayList<>(Arrays.stream(RejectReason.values()).map(Enum::name).toList());
		assertThat(texts(result.get("reason").get("enum"))).containsExactlyElementsOf(reasons);
		assertThat(texts(result.get("type").get("enum")))
			.containsExactlyElementsOf(Arrays.stream(RecordType.values()).map(RecordType::wireName).toList());
		assertThat(texts(result.get("status").get("enum"))).containsExactly("CREATED", "UPDATED", "UNCHANGED",
				"REJECTED");
		assertThat(texts(schemas().get("Record").get("properties").get("type").get("enum")))
			.containsExactlyElementsOf(Arrays.stream(RecordType.values()).map(RecordType::wireName).toList());
		Set<String> statuses = new TreeSet<>();
		this.contract.get("paths")
			.get("/api/v1/records")
			.get("post")
			.get("responses")
			.properties()
			.forEach((entry) -> statuses.add(entry.getKey()));
		assertThat(statuses).containsExactly("200", "400", "401", "409", "413", "429");
		Set<String> withdrawal = new TreeSet<>();
		this.contract.get("paths")
			.get("/api/v1/records/{type}/{id}")
			.get("delete")
			.get("responses")
			.properties()
			.forEach((entry) -> withdrawal.add(entry.getKey()));
		assertThat(withdrawal).containsExactly("200", "400", "401", "404", "429");
		assertThat(texts(schemas().get("Withdrawal").get("properties").get("type").get("enum")))
			.containsExactlyElementsOf(Arrays.stream(RecordType.values()).map(RecordType::wireName).toList());
	}

	@Test
	void realAnswersFollowTheSchemas() throws Exception {
		String token = this.tokens.create(1, "contract", Instant.now().plus(1, ChronoUnit.DAYS), false, "qingqiong")
			.token();
		String credit = this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id = 1").query(String.class).single();
		String good = "{\"type\":\"complaint\",\"id\":\"contract-" + System.nanoTime() + "\",\"enterprise\":\"" + credit
				+ "\",\"received_at\":\"2026-05-20T09:30:00+08:00\",\"category\":\"RUMOR\",\"content_type\":\"TEXT\","
				+ "\"channel\":\"WEB_FORM\",\"status\":\"RECEIVED\",\"summary\":\"契约\"}";
		HttpResponse<String> stored = post(good + "\n{\"type\":\"complaint\"}\nnot json", token, "");
		assertThat(stored.statusCode()).isEqualTo(200);
		assertThat(schema("PushAnswer").validate(this.json.readTree(stored.body()))).isEmpty();
		HttpResponse<String> sandbox = post(good, token, "?dryRun=true");
		assertThat(schema("PushAnswer").validate(this.json.readTree(sandbox.body()))).isEmpty();
		for (HttpResponse<String> problem : List.of(post(good, "qlt_unknown", ""), post("[{", token, ""))) {
			assertThat(problem.statusCode()).isIn(400, 401);
			assertThat(schema("Problem").validate(this.json.readTree(problem.body()))).isEmpty();
		}
		String id = this.json.readTree(stored.body()).get("results").get(0).get("id").asString();
		for (int expected : new int[] { 200, 404 }) {
			HttpResponse<String> withdrawn = this.http
				.send(HttpRequest.newBuilder(uri("/api/v1/records/complaint/" + id))
					.header("Authorization", "Bearer " + token)
					.DELETE()
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(withdrawn.statusCode()).isEqualTo(expected);
			assertThat(schema("Withdrawal").validate(this.json.readTree(withdrawn.body()))).isEmpty();
		}
		assertThat(schema("PushAnswer").validate(this.json.readTree("{\"sandbox\":true}")))
			.as("the schema refuses what is not an answer")
			.isNotEmpty();
	}

	private Schema schema(String name) {
		ObjectNode document = this.json.createObjectNode();
		document.put("$ref", "#/components/schemas/" + name);
		document.set("components", this.contract.get("components"));
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(document);
	}

	private JsonNode schemas() {
		return this.contract.get("components").get("schemas");
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((value) -> {
			if (!value.isNull()) {
				texts.add(value.asString());
			}
		});
		return texts;
	}

	private HttpResponse<String> post(String body, String token, String query) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/api/v1/records" + query))
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
