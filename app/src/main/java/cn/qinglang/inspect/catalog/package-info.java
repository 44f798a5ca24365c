/**
 * The catalog of typical issues that findings cite: code, titles, legal basis, the kind
 * of enterprise it applies to and a default severity. ADMIN adds and retires items;
 * retired items stay on the findings that cite them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "system" })
package cn.qinglang.inspect.catalog;
