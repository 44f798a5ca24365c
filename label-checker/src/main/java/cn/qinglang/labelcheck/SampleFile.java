package cn.qinglang.labelcheck;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A sample read by position. Every read checks the length a structure declares against
 * the file and against the metadata limit before allocating anything: a chunk that
 * declares 2 GB is reported, never read.
 */
final class SampleFile implements Closeable {

	private final FileChannel channel;

	private final long size;

	private final int maxMetadataBytes;

	private SampleFile(FileChannel channel, int maxMetadataBytes) throws IOException {
		this.channel = channel;
		this.size = channel.size();
		this.maxMetadataBytes = maxMetadataBytes;
	}

	static SampleFile open(Path path, int maxMetadataBytes) throws IOException {
		return new SampleFile(FileChannel.open(path, StandardOpenOption.READ), maxMetadataBytes);
	}

	long size() {
		return this.size;
	}

	int maxMetadataBytes() {
		return this.maxMetadataBytes;
	}

	/**
	 * The {@code length} bytes of a metadata block at {@code position}.
	 * @param what the block, for the problem's detail
	 */
	byte[] read(long position, long length, String what) throws IOException, SampleException {
		// compared as a difference: a declared length near the largest long would
		// overflow
		if (length < 0 || position < 0 || length > this.size - position) {
			throw SampleException.damaged(what + " declares " + length + " bytes but the file ends "
					+ Math.max(0, this.size - position) + " bytes after its start");
		}
		if (length > this.maxMetadataBytes) {
			throw new SampleException(ProblemCode.METADATA_TOO_LARGE,
					what + " of " + length + " bytes (limit " + this.maxMetadataBytes + ")");
		}
		return readFully(position, (int) length);
	}

	/** A fixed-size header; fewer bytes left means the file is truncated. */
	byte[] header(long position, int length, String what) throws IOException, SampleException {
		if (position < 0 || length > this.size - position) {
			throw SampleException.damaged(what + " breaks off at the end of the file (truncated)");
		}
		return readFully(position, length);
	}

	/** Up to {@code length} bytes at the end of the file. */
	byte[] tail(int length) throws IOException {
		int n = (int) Math.min(length, this.size);
		return readFully(this.size - n, n);
	}

	/**
	 * The file from its start, for libraries that read streams; closing the stream leaves
	 * the file open for further reads.
	 */
	InputStream stream() throws IOException {
		this.channel.position(0);
		return new FilterInputStream(Channels.newInputStream(this.channel)) {
			@Override
			public void close() {
			}
		};
	}

	private byte[] readFully(long position, int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		long at = position;
		while (buffer.hasRemaining()) {
			int read = this.channel.read(buffer, at);
			if (read < 0) {
				throw new IOException("file shrank while being read");
			}
			at += read;
		}
		return buffer.array();
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

}
