package cn.qinglang.inspect.system;

/**
 * What the caller asked for does not exist, or lies outside what it may see: the two are
 * not told apart, so that a scope's denial says nothing about another enterprise's data.
 * {@link DomainExceptionAdvice} answers it with 404.
 */
public class NotFound extends RuntimeException {

	public NotFound() {
		super("not found", null, false, false);
	}

}
