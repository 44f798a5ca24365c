/**
 * Label spot checks: inside an inspection of kind label spot check the inspector uploads
 * samples taken from the enterprise's service (files or a ZIP); each is kept in the
 * evidence store with its SHA-256 and SM3, checked by the GB 45438-2025 checker, and its
 * result saved with the checker's version. Non-compliant results become findings in one
 * step. An HTTP endpoint (HTTP Basic, inspectors) checks samples without keeping them.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "catalog", "enterprise", "evidence", "inspection", "security", "system" })
package cn.qinglang.inspect.labelcheck;
