package cn.qinglang.labelcheck;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code limit} bytes on (skipped ones count too), then refuses with
 * {@link LimitExceededException}: whatever a stream declares, no more than the limit is
 * ever read from it.
 */
public final class LimitedInputStream extends FilterInputStream {

	private final long limit;

	private long consumed;

	public LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int allowed = (int) Math.min(length, this.limit - this.consumed + 1);
		int read = super.read(buffer, offset, Math.max(allowed, 1));
		if (read > 0) {
			count(read);
		}
		return read;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(Math.min(n, this.limit - this.consumed + 1));
		count(skipped);
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void count(long n) throws LimitExceededException {
		this.consumed += n;
		if (this.consumed > this.limit) {
			throw new LimitExceededException(this.limit);
		}
	}

	/** More bytes than the limit allows. */
	public static final class LimitExceededException extends IOException {

		LimitExceededException(long limit) {
			super("more than " + limit + " bytes");
		}

	}

}
