/**
 * Typical-issue summaries of a period and jurisdiction (findings by catalog item, the
 * campaign's key categories in complaints and enforcement, dispositions, examples named
 * or anonymised) and their publication as numbered, dated, frozen bulletins (通报).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "dashboard", "enterprise",
		"inspection", "jurisdiction", "rectification", "report", "security", "system" })
package cn.qinglang.inspect.bulletin;
