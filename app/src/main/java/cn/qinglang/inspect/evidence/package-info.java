/**
 * Evidence and attachment files, kept in the database by their content ({@code files}):
 * type decided by the content (Tika), size and name checked, SHA-256 and SM3 computed at
 * upload so that a printed report can be checked against the file.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "files", "system" })
package cn.qinglang.inspect.evidence;
