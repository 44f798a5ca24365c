package cn.qinglang.inspect.enterprise;

/**
 * A rule of the domain that a form broke: the field and the message key.
 */
record FieldProblem(String field, String messageKey) {
}
