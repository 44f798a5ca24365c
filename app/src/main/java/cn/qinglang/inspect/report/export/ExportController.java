package cn.qinglang.inspect.report.export;

import cn.qinglang.inspect.report.ReportProperties;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.qinglang.inspect.report.ReportExports;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;

/**
 * "My exports": the signed-in user's background exports, their live status and their
 * files. Another user's export answers 404, like an id that does not exist.
 */
@Controller
class ExportController {

	static final String LIST_VIEW = "export/list";

	private final BackgroundExports exports;

	private final ReportProperties properties;

	ExportController(BackgroundExports exports, ReportProperties properties) {
		this.exports = exports;
		this.properties = properties;
	}

	@GetMapping("/exports")
	String list(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("exports", this.exports.list(user.getUsername()));
		model.addAttribute("retentionDays", this.properties.retention().toDays());
		return LIST_VIEW;
	}

	@GetMapping("/exports/{id}/status")
	@ResponseBody
	Map<String, Object> status(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		ReportExport export = this.exports.find(user.getUsername(), id).orElseThrow(NotFound::new);
		return Map.of("id", export.id(), "status", export.status().name(), "active", export.status().active(),
				"percent", export.progressPercent(), "rowsDone", export.rowsDone(), "rowsEstimated",
				export.rowsEstimated());
	}

	@GetMapping("/exports/{id}/file")
	void file(@AuthenticationPrincipal PortalUser user, @PathVariable long id, HttpServletResponse response)
			throws IOException {
		BackgroundExports.Download download = this.exports.download(user.getUsername(), id).orElseThrow(NotFound::new);
		ReportExports.attachment(response, download.export().format(), download.export().fileName());
		response.setContentLengthLong(download.file().contentLength());
		try (InputStream in = download.file().getInputStream(); OutputStream out = response.getOutputStream()) {
			in.transferTo(out);
		}
	}

}
