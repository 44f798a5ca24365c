package cn.qinglang.inspect.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import net.sf.jasperreports.engine.JRException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.PortalProperties;
import cn.qinglang.inspect.system.Times;

/**
 * Streams a report to the browser as a download: written to the audit log first, then
 * filled and exported straight into the response, the watermark naming the signed-in
 * user.
 */
@Service
public class ReportExports {

	static final String AUDIT_ACTION = "REPORT_EXPORTED";

	private final ReportRenderer renderer;

	private final AuditLog audit;

	private final PortalProperties portal;

	ReportExports(ReportRenderer renderer, AuditLog audit, PortalProperties portal) {
		this.renderer = renderer;
		this.audit = audit;
		this.portal = portal;
	}

	public void stream(PortalUser user, ReportDocument document, ReportFormat format, HttpServletResponse response)
			throws IOException {
		this.audit.record(new AuditEvent(AUDIT_ACTION, document.targetType(), document.targetId(), null,
				Map.of("template", document.template(), "format", format.name())));
		response.setContentType(format.mediaType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(document.fileName() + "." + format.extension(), StandardCharsets.UTF_8)
					.build()
					.toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Watermark watermark = Watermark.of(viewer(user), Times.now(), this.portal.displayZone());
		try (OutputStream out = response.getOutputStream()) {
			this.renderer.render(document, format, watermark, out);
		}
		catch (JRException ex) {
			throw new IllegalStateException("Report " + document.template() + " could not be produced", ex);
		}
	}

	private static String viewer(PortalUser user) {
		String name = user.displayName();
		return (name != null && !name.isBlank()) ? name + "（" + user.getUsername() + "）" : user.getUsername();
	}

}
