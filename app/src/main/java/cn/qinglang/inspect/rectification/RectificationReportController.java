package cn.qinglang.inspect.rectification;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.report.ReportLine;
import cn.qinglang.inspect.report.ReportExports;
import cn.qinglang.inspect.report.ReportFormat;

/**
 * The rectification report of an order as a PDF, delivered to the browser: for regulators
 * within their jurisdiction and for the platform of the enterprise; anyone else gets the
 * app's usual 404.
 */
@Controller
class RectificationReportController {

	private final RectificationReport reports;

	private final ReportExports exports;

	private final MessageSource messages;

	private final RectificationReportRecipe recipe;

	RectificationReportController(RectificationReport reports, ReportExports exports, MessageSource messages,
			RectificationReportRecipe recipe) {
		this.recipe = recipe;
		this.reports = reports;
		this.exports = exports;
		this.messages = messages;
	}

	/**
	 * The order is read and its lines laid out here, where the viewer's scope decides
	 * whether it exists; their count decides whether it streams or goes to a worker.
	 */
	@GetMapping({ "/orders/{id}/report.pdf", "/my-enterprise/orders/{id}/report.pdf" })
	void pdf(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Locale locale, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		RectificationReportData data = this.reports.read(EnterpriseScope.of(user), id).orElseThrow(NotFound::new);
		String title = this.messages.getMessage("report.exportTitle", new Object[] { data.order().number() }, locale);
		List<ReportLine> lines = this.reports.lines(data);
		this.exports.deliver(user, ReportFormat.PDF, title, lines.size(), this.recipe.of(id), request, response);
	}

}
