package cn.qinglang.batch.feed;

/**
 * A feed run cannot go on: the platform refused the token, sent a page that is not the
 * interface's, or stayed unreachable after the retries. The message is shown on the
 * feed's page as it is.
 */
public class FeedException extends RuntimeException {

	public FeedException(String message) {
		super(message);
	}

	public FeedException(String message, Throwable cause) {
		super(message, cause);
	}

}
