package cn.qinglang.inspect.report;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.security.PortalUser;

/**
 * The rectification report of an order as a PDF, streamed to the browser: for regulators
 * within their jurisdiction and for the platform of the enterprise; anyone else gets the
 * app's usual 404.
 */
@Controller
class RectificationReportController {

	private final RectificationReport reports;

	private final ReportExports exports;

	RectificationReportController(RectificationReport reports, ReportExports exports) {
		this.reports = reports;
		this.exports = exports;
	}

	@GetMapping({ "/orders/{id}/report.pdf", "/my-enterprise/orders/{id}/report.pdf" })
	void pdf(@AuthenticationPrincipal PortalUser user, @PathVariable long id, HttpServletResponse response)
			throws IOException {
		ReportDocument document = this.reports.of(EnterpriseScope.of(user), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.exports.stream(user, document, ReportFormat.PDF, response);
	}

}
