/**
 * Platform feeds: the administrators' configuration of each enterprise's pull feed, "run
 * now" and the nightly schedule, the platforms' uploads, the history and live progress of
 * runs, the rejected records with their reasons, and the freshness of each enterprise's
 * data ("data as of", silence and volume drops). The jobs themselves are in the
 * batch-jobs library.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "enterprise", "files", "security", "system" })
package cn.qinglang.inspect.feed;
