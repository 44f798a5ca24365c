/**
 * Campaign and enterprise dashboards: KPIs against the previous period, weekly trends,
 * breakdowns, the league table, drill-down lists and exports. Every figure is read from
 * the aggregates kept by the feed job (never from the raw records per request), inside
 * the user's {@link cn.qinglang.inspect.enterprise.EnterpriseScope}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "enterprise", "feed", "inspection",
		"jurisdiction", "rectification", "report", "security", "system" })
package cn.qinglang.inspect.dashboard;
