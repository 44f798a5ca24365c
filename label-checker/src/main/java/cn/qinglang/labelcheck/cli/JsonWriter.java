package cn.qinglang.labelcheck.cli;

import java.io.OutputStream;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import cn.qinglang.labelcheck.BatchSummary;
import cn.qinglang.labelcheck.CheckRun;
import cn.qinglang.labelcheck.LabelChecker;
import cn.qinglang.labelcheck.SampleReport;

/**
 * One JSON document of the schema {@code check-run.schema.json} ({@link CheckRun}),
 * written as the reports come: the same document the portal's {@code /api/label-check}
 * answers with.
 */
final class JsonWriter implements ReportWriter {

	private final JsonGenerator json;

	JsonWriter(OutputStream out) {
		this.json = generator(out);
	}

	/** Indented JSON written as it comes, the values by Jackson's databind. */
	static JsonGenerator generator(OutputStream out) {
		return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writer().createGenerator(out);
	}

	@Override
	public void start(boolean viaPlatform) {
		this.json.writeStartObject();
		this.json.writeStringProperty("schemaVersion", CheckRun.SCHEMA_VERSION);
		this.json.writeStringProperty("checker", LabelChecker.NAME);
		this.json.writeStringProperty("checkerVersion", LabelChecker.VERSION);
		this.json.writeBooleanProperty("viaPlatform", viaPlatform);
		this.json.writeName("files");
		this.json.writeStartArray();
	}

	@Override
	public void write(SampleReport report) {
		this.json.writePOJO(report);
	}

	@Override
	public void finish(BatchSummary summary) {
		this.json.writeEndArray();
		this.json.writePOJOProperty("summary", summary);
		this.json.writeEndObject();
		this.json.flush();
		this.json.writeRaw(System.lineSeparator());
		this.json.flush();
	}

}
