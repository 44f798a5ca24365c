/**
 * The start page, one per role.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "enterprise", "jurisdiction", "rectification", "security", "system" })
package cn.qinglang.inspect.home;
