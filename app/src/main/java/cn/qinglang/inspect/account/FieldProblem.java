package cn.qinglang.inspect.account;

/**
 * A rule that a form broke: the field and the message key.
 */
record FieldProblem(String field, String messageKey) {
}
