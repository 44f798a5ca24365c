/**
 * Exports filled from the compiled JasperReports templates: PDF (CJK font embedded, a
 * watermark with the viewer and the export time on every page), DOCX and XLSX, streamed
 * to the response and written to the audit log
 * ({@link cn.qinglang.inspect.report.ReportExports}). The enterprise rectification report
 * is the first of them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "enterprise", "inspection",
		"jurisdiction", "labelcheck", "rectification", "security", "system" })
package cn.qinglang.inspect.report;
