/**
 * The tree of regulator offices by jurisdiction (national, provincial, municipal,
 * district). An office sees its own jurisdiction and everything below it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system" })
package cn.qinglang.inspect.jurisdiction;
