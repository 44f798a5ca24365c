/**
 * The supervised enterprises: generation service providers and dissemination platforms,
 * with their unified social credit code, algorithm filing and jurisdiction. Every query
 * runs inside the caller's {@link cn.qinglang.inspect.enterprise.EnterpriseScope}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "jurisdiction", "security", "system" })
package cn.qinglang.inspect.enterprise;
