package cn.qinglang.inspect.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import net.sf.jasperreports.engine.JRException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.report.ReportProperties;
import cn.qinglang.inspect.report.export.BackgroundExports;
import cn.qinglang.inspect.report.export.ExportQueueFullException;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.Times;

/**
 * Delivers a report to the browser: a small one streamed as a download (written to the
 * audit log first, then filled and exported straight into the response), a large one
 * queued for a background worker and later downloaded from "my exports". The watermark
 * names the signed-in user and the time of the request. A helper of the controllers (it
 * writes the HTTP response), not a service.
 */
@Component
public class ReportExports {

	static final String AUDIT_ACTION = "REPORT_EXPORTED";

	static final String EXPORTS_PAGE = "/exports";

	private final ReportRenderer renderer;

	private final AuditLog audit;

	private final Clock clock;

	private final BackgroundExports background;

	private final ReportProperties properties;

	private final ReportRecipes recipes;

	ReportExports(ReportRenderer renderer, AuditLog audit, Clock clock, BackgroundExports background,
			ReportProperties properties, ReportRecipes recipes) {
		this.recipes = recipes;
		this.renderer = renderer;
		this.audit = audit;
		this.clock = clock;
		this.background = background;
		this.properties = properties;
	}

	/**
	 * Streams the report if it is estimated at no more than
	 * {@code qinglang.reports.background-above-rows} rows; otherwise queues it for the
	 * user and answers with a redirect (303) to "my exports", saying so (or that the
	 * queue is full). The document is built from its recipe only where it is filled: on
	 * this thread for a stream, on the worker for a background export (on whichever node
	 * runs it).
	 * @param title what "my exports" calls it
	 * @param estimatedRows the report's rows (lines), or a cheap estimate of them
	 * @param report the report's recipe with its parameters; the caller has checked that
	 * the user may see it
	 */
	public void deliver(PortalUser user, ReportFormat format, String title, long estimatedRows,
			ReportRecipe.Request report, HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (estimatedRows <= this.properties.backgroundAboveRows()) {
			stream(user, this.recipes.document(user, report).orElseThrow(NotFound::new), format, response);
			return;
		}
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		try {
			long id = this.background.submit(user.getUsername(), format, title, estimatedRows, report);
			// the document's target is known on the worker only: the download names it
			this.audit.record(new AuditEvent(AUDIT_ACTION, "report_export", String.valueOf(id), null, Map.of("title",
					title, "format", format.name(), "background", true, "estimatedRows", estimatedRows)));
			flash.put("message", "export.queued");
		}
		catch (ExportQueueFullException ex) {
			flash.put("problem", "export.queueFull");
		}
		String location = request.getContextPath() + EXPORTS_PAGE;
		RequestContextUtils.saveOutputFlashMap(location, request, response);
		response.setStatus(HttpStatus.SEE_OTHER.value());
		response.setHeader(HttpHeaders.LOCATION, location);
	}

	public void stream(PortalUser user, ReportDocument document, ReportFormat format, HttpServletResponse response)
			throws IOException {
		this.audit.record(new AuditEvent(AUDIT_ACTION, document.targetType(), document.targetId(), null,
				Map.of("template", document.template(), "format", format.name())));
		attachment(response, format, document.fileName());
		try (OutputStream out = response.getOutputStream()) {
			this.renderer.render(document, format, watermark(user), out);
		}
		catch (JRException ex) {
			throw new IllegalStateException("Report " + document.template() + " could not be produced", ex);
		}
	}

	/**
	 * The headers of a report download: its type, its name (UTF-8, so Chinese names
	 * survive), never cached (it carries the viewer's name) nor sniffed.
	 * @param fileName the name without extension
	 */
	public static void attachment(HttpServletResponse response, ReportFormat format, String fileName) {
		response.setContentType(format.mediaType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(fileName + "." + format.extension(), StandardCharsets.UTF_8)
					.build()
					.toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	private Watermark watermark(PortalUser user) {
		return Watermark.of(user, Times.now(this.clock), this.clock.getZone());
	}

}
