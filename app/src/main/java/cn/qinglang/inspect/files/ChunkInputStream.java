package cn.qinglang.inspect.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stored file's bytes, read one chunk (one query) at a time: never more than a chunk in
 * memory, and no connection held between two chunks, so that a slow download keeps none
 * from the pool.
 */
final class ChunkInputStream extends InputStream {

	private static final byte[] NONE = new byte[0];

	private final Chunks chunks;

	private final String sha256;

	private final byte[] chunkSet;

	private final int count;

	private final long size;

	private int next;

	private byte[] current = NONE;

	private int position;

	private long delivered;

	ChunkInputStream(Chunks chunks, String sha256, byte[] chunkSet, int count, long size) {
		this.chunks = chunks;
		this.sha256 = sha256;
		this.chunkSet = chunkSet;
		this.count = count;
		this.size = size;
	}

	@Override
	public int read() throws IOException {
		if (!fill()) {
			return -1;
		}
		this.delivered++;
		return this.current[this.position++] & 0xFF;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (!fill()) {
			return -1;
		}
		int n = Math.min(length, this.current.length - this.position);
		System.arraycopy(this.current, this.position, buffer, offset, n);
		this.position += n;
		this.delivered += n;
		return n;
	}

	@Override
	public int available() {
		return this.current.length - this.position;
	}

	/** Whether bytes remain, the next chunk read if the current one is used up. */
	private boolean fill() throws IOException {
		while (this.position == this.current.length) {
			if (this.next == this.count) {
				if (this.delivered != this.size) {
					throw new IOException(
							"stored file " + this.sha256 + " ends after " + this.delivered + " bytes of " + this.size);
				}
				return false;
			}
			byte[] chunk = this.chunks.read(this.chunkSet, this.next);
			if (chunk == null) {
				throw new IOException("chunk " + this.next + " of stored file " + this.sha256
						+ " is missing (deleted while it was read?)");
			}
			this.next++;
			this.current = chunk;
			this.position = 0;
		}
		return true;
	}

}
