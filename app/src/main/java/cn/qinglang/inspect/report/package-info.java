/**
 * The document kernel: fills the compiled JasperReports templates and exports PDF (CJK
 * font embedded, a watermark with the viewer and the export time on every page), DOCX and
 * XLSX, streamed to the response or queued for a background worker, and written to the
 * audit log ({@link cn.qinglang.inspect.report.ReportExports}). It knows no feature's
 * content: a feature lays out its {@link cn.qinglang.inspect.report.ReportLine lines} for
 * the {@link cn.qinglang.inspect.report.ReportDocument#OFFICE_DOCUMENT office document}
 * template (the rectification report in {@code rectification}, the bulletin, the
 * dashboard export).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "files", "security", "system" })
package cn.qinglang.inspect.report;
