package cn.qinglang.inspect.enterprise;

/**
 * Filters of the enterprise list; every field optional.
 *
 * @param q part of the name, code or credit code
 * @param kind kind of enterprise
 * @param jurisdiction jurisdiction code, with everything below it
 * @param status status
 * @param page page number from 1
 */
record EnterpriseSearch(String q, EnterpriseKind kind, String jurisdiction, EnterpriseStatus status, Integer page) {
}
