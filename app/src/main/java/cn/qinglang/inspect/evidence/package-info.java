/**
 * The content-addressed store of evidence and attachment files under the data directory:
 * type decided by the content (Tika), size and name checked, SHA-256 and SM3 computed at
 * upload so that a printed report can be checked against the file.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "system" })
package cn.qinglang.inspect.evidence;
