package cn.qinglang.labelcheck.cli;

import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;

import tools.jackson.core.JsonGenerator;

import cn.qinglang.labelcheck.BatchSummary;
import cn.qinglang.labelcheck.LabelChecker;
import cn.qinglang.labelcheck.Problem;
import cn.qinglang.labelcheck.ProblemCode;
import cn.qinglang.labelcheck.SampleReport;

/**
 * SARIF 2.1.0, the static-analysis results format that code hosts and CI systems show:
 * one rule per problem code, one result per problem of a file (a defect as an error, an
 * unreadable file as a warning, a note as a note), located at the file.
 */
final class SarifWriter implements ReportWriter {

	static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

	private final JsonGenerator json;

	SarifWriter(OutputStream out) {
		this.json = JsonWriter.generator(out);
	}

	@Override
	public void start(boolean viaPlatform) {
		this.json.writeStartObject();
		this.json.writeStringProperty("$schema", SCHEMA);
		this.json.writeStringProperty("version", "2.1.0");
		this.json.writeName("runs");
		this.json.writeStartArray();
		this.json.writeStartObject();
		this.json.writeName("tool");
		this.json.writeStartObject();
		this.json.writeName("driver");
		this.json.writeStartObject();
		this.json.writeStringProperty("name", LabelChecker.NAME);
		this.json.writeStringProperty("version", LabelChecker.VERSION);
		this.json.writeName("rules");
		this.json.writeStartArray();
		for (ProblemCode code : ProblemCode.values()) {
			this.json.writeStartObject();
			this.json.writeStringProperty("id", code.name());
			this.json.writeName("shortDescription");
			this.json.writeStartObject();
			this.json.writeStringProperty("text", code.summary());
			this.json.writeEndObject();
			this.json.writeName("defaultConfiguration");
			this.json.writeStartObject();
			this.json.writeStringProperty("level", level(code));
			this.json.writeEndObject();
			this.json.writeName("properties");
			this.json.writeStartObject();
			this.json.writeStringProperty("kind", code.kind().name());
			if (code.catalogCode() != null) {
				this.json.writeStringProperty("catalogCode", code.catalogCode());
			}
			this.json.writeEndObject();
			this.json.writeEndObject();
		}
		this.json.writeEndArray();
		this.json.writeEndObject();
		this.json.writeEndObject();
		this.json.writeName("properties");
		this.json.writeStartObject();
		this.json.writeBooleanProperty("viaPlatform", viaPlatform);
		this.json.writeEndObject();
		this.json.writeName("results");
		this.json.writeStartArray();
	}

	@Override
	public void write(SampleReport report) {
		for (Problem problem : report.problems()) {
			this.json.writeStartObject();
			this.json.writeStringProperty("ruleId", problem.code().name());
			this.json.writeNumberProperty("ruleIndex", problem.code().ordinal());
			this.json.writeStringProperty("level", level(problem.code()));
			this.json.writeName("message");
			this.json.writeStartObject();
			this.json.writeStringProperty("text",
					problem.code().summary() + ((problem.detail() != null) ? ": " + problem.detail() : ""));
			this.json.writeEndObject();
			this.json.writeName("locations");
			this.json.writeStartArray();
			this.json.writeStartObject();
			this.json.writeName("physicalLocation");
			this.json.writeStartObject();
			this.json.writeName("artifactLocation");
			this.json.writeStartObject();
			this.json.writeStringProperty("uri", uri(report.name()));
			this.json.writeEndObject();
			this.json.writeEndObject();
			this.json.writeEndObject();
			this.json.writeEndArray();
			this.json.writeName("properties");
			this.json.writeStartObject();
			this.json.writeStringProperty("verdict", report.verdict().name());
			this.json.writeStringProperty("format", report.format().name());
			this.json.writeEndObject();
			this.json.writeEndObject();
		}
	}

	@Override
	public void finish(BatchSummary summary) {
		this.json.writeEndArray();
		this.json.writeName("invocations");
		this.json.writeStartArray();
		this.json.writeStartObject();
		this.json.writeBooleanProperty("executionSuccessful", true);
		this.json.writePOJOProperty("properties", summary);
		this.json.writeEndObject();
		this.json.writeEndArray();
		this.json.writeEndObject();
		this.json.writeEndArray();
		this.json.writeEndObject();
		this.json.flush();
		this.json.writeRaw(System.lineSeparator());
		this.json.flush();
	}

	static String level(ProblemCode code) {
		return switch (code.kind()) {
			case DEFECT -> "error";
			case UNREADABLE -> "warning";
			case NOTE -> "note";
		};
	}

	/** The file as a relative (or absolute) URI reference, its characters escaped. */
	static String uri(String name) {
		String path = name.replace('\\', '/');
		try {
			return new URI(null, null, path, null).toASCIIString();
		}
		catch (URISyntaxException ex) {
			return "file";
		}
	}

}
