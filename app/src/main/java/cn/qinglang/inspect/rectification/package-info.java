/**
 * Rectification orders issued from findings, as numbered official documents with a
 * deadline, required measures and a disposition; the platform's evidence per measure, the
 * inspector's review, deadline extensions, the timeline and re-inspection. States are
 * explicit and impossible moves are refused.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "enterprise", "evidence", "inspection",
		"jurisdiction", "labelcheck", "report", "security", "system" })
package cn.qinglang.inspect.rectification;
