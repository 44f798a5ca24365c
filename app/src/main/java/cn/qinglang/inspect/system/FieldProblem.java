package cn.qinglang.inspect.system;

/**
 * A rule of the domain that a form broke: the field and the message key, for the
 * controller to show on the form.
 */
public record FieldProblem(String field, String messageKey) {
}
