/**
 * ADMIN's administration of user accounts: create, edit, disable, unlock, reset password,
 * with the binding of each role (an office for regulators, one enterprise for platform
 * users) enforced here and in the database.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "enterprise", "jurisdiction", "security", "system" })
package cn.qinglang.inspect.account;
