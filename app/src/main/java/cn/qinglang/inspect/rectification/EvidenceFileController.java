package cn.qinglang.inspect.rectification;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.evidence.EvidenceStore;
import cn.qinglang.inspect.evidence.StoredFile;
import cn.qinglang.inspect.inspection.Inspections;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;

/**
 * Downloads of evidence and finding attachments, only for those who may see the order or
 * inspection they belong to; always as an attachment, never rendered by the browser.
 */
@Controller
class EvidenceFileController {

	private final Orders orders;

	private final Inspections inspections;

	private final EvidenceStore store;

	private final AuditLog auditLog;

	EvidenceFileController(Orders orders, Inspections inspections, EvidenceStore store, AuditLog auditLog) {
		this.orders = orders;
		this.inspections = inspections;
		this.store = store;
		this.auditLog = auditLog;
	}

	@GetMapping("/files/{fileId}")
	ResponseEntity<Resource> download(@AuthenticationPrincipal PortalUser user, @PathVariable long fileId) {
		EnterpriseScope scope = EnterpriseScope.of(user);
		Optional<String> name = this.orders.submittedFileName(scope, fileId)
			.or(() -> this.inspections.attachmentName(scope, fileId));
		StoredFile file = name.flatMap((found) -> this.store.find(fileId)).orElseThrow(NotFound::new);
		Resource content = this.store.content(file).orElseThrow(NotFound::new);
		this.auditLog.record(AuditEvent.of("FILE_DOWNLOADED", "file_object", file.sha256()));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name.get(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
	}

}
