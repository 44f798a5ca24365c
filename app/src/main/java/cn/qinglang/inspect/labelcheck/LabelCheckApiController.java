package cn.qinglang.inspect.labelcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.labelcheck.CheckRun;
import cn.qinglang.labelcheck.LabelChecker;
import cn.qinglang.labelcheck.SampleReport;
import cn.qinglang.inspect.system.Uploads;

/**
 * {@code POST /api/label-check}: the checker for inspectors' scripts, HTTP Basic (see the
 * security configuration). Files or ZIP archives in, the same JSON as the command line
 * out; the samples are checked and not kept (a spot check inside an inspection keeps
 * them).
 */
@RestController
class LabelCheckApiController {

	static final String PATH = "/api/label-check";

	private final SampleIntake intake;

	private final LabelCheckProperties properties;

	private final AuditLog auditLog;

	LabelCheckApiController(SampleIntake intake, LabelCheckProperties properties, AuditLog auditLog) {
		this.intake = intake;
		this.properties = properties;
		this.auditLog = auditLog;
	}

	@PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	CheckRun check(@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(defaultValue = "false") boolean viaPlatform) {
		if (files == null || files.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no files: send them as multipart part 'files'");
		}
		List<SampleReport> reports = new ArrayList<>();
		this.intake.take(Uploads.of(files), new LabelChecker(this.properties.options(viaPlatform)), false,
				(report, stored) -> reports.add(report));
		CheckRun run = CheckRun.of(viaPlatform, reports);
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("checkerVersion", LabelChecker.VERSION);
		state.put("files", run.summary().files());
		state.put("byVerdict", run.summary().byVerdict());
		this.auditLog.record(AuditEvent.change("LABEL_CHECK_PERFORMED", "label_check", "api", null, state));
		return run;
	}

}
