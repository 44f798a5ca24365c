/**
 * Inspections of an enterprise (on-site, remote, label spot check, complaint-triggered)
 * and the findings recorded in them, each citing a catalog item, with attachments.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "catalog", "enterprise", "evidence", "security", "system" })
package cn.qinglang.inspect.inspection;
