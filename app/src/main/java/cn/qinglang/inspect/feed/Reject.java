package cn.qinglang.inspect.feed;

/**
 * A refused record: where it was, its id, the field and why.
 */
record Reject(long position, String platformId, String recordType, String field, String reasonCode, String detail) {
}
