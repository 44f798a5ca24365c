package cn.qinglang.batch.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

import cn.qinglang.batch.records.RecordType;

/**
 * Uploaded files: JSON Lines (one object per line, each with its type) or CSV with a
 * header line (one record type per file), in UTF-8 (with or without a byte order mark) or
 * in GB18030 as Chinese spreadsheet software writes it. The encoding is declared by a
 * byte order mark, else detected line by line: GB18030 when more lines with non-ASCII
 * bytes are invalid UTF-8 than valid, so that one bad byte does not turn a UTF-8 file
 * into GB18030.
 * <p>
 * The file is cut into lines as bytes and each line is decoded on its own with a decoder
 * that reports errors: a line that is not valid in the file's encoding is refused with
 * its number, and its neighbours are read. Neither encoding has a byte 0x0A inside a
 * character, so cutting at it is safe. A line holds at most {@link #MAX_LINE_BYTES};
 * longer ones are skipped without being kept and refused.
 */
public final class UploadFiles {

	/** The longest line read, in bytes; a record of the interface needs a few KB. */
	public static final int MAX_LINE_BYTES = 64 * 1024;

	static final Charset GB18030 = Charset.forName("GB18030");

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final byte[] GB18030_BOM = { (byte) 0x84, 0x31, (byte) 0x95, 0x33 };

	private UploadFiles() {
	}

	/**
	 * The byte order mark's encoding, else UTF-8 unless more lines with non-ASCII bytes
	 * are invalid UTF-8 than valid. Streams the file once.
	 */
	public static Charset detectCharset(Path file) {
		try (Lines lines = Lines.of(file)) {
			byte[] start = lines.start();
			if (startsWith(start, UTF8_BOM)) {
				return StandardCharsets.UTF_8;
			}
			if (startsWith(start, GB18030_BOM)) {
				return GB18030;
			}
			CharsetDecoder utf8 = reporting(StandardCharsets.UTF_8);
			long valid = 0;
			long invalid = 0;
			for (Line line = lines.next(); line != null; line = lines.next()) {
				if (line.ascii() || line.tooLong()) {
					continue;
				}
				if (errorAt(utf8, line.bytes()) >= 0) {
					invalid++;
				}
				else {
					valid++;
				}
			}
			return (invalid > valid) ? GB18030 : StandardCharsets.UTF_8;
		}
	}

	/**
	 * Whether the file is in an encoding the upload does not read: UTF-16 or UTF-32 (a
	 * byte order mark of theirs, or NUL bytes in its first 4 KB, which neither UTF-8 nor
	 * GB18030 text holds), or binary. Such a file would give no record at all, each line
	 * unreadable; it is refused on the upload form instead.
	 */
	public static boolean unreadableEncoding(Path file) {
		byte[] start = new byte[4096];
		int length;
		try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
			length = in.readNBytes(start, 0, start.length);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		if (length >= 2 && ((start[0] == (byte) 0xFF && start[1] == (byte) 0xFE)
				|| (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF))) {
			return true;
		}
		for (int i = 0; i < length; i++) {
			if (start[i] == 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Data lines of a file, for the progress bar: lines that are not blank, less a CSV
	 * file's header. Streams the file once and reads no text, so no byte can fail it.
	 */
	public static long countRecords(Path file) {
		try (Lines lines = Lines.of(file)) {
			long count = 0;
			Boolean json = null;
			for (Line line = lines.next(); line != null; line = lines.next()) {
				if (!line.blank()) {
					json = (json != null) ? json : line.firstVisible() == '{';
					count++;
				}
			}
			return (json == null || json) ? count : Math.max(0, count - 1);
		}
	}

	/**
	 * A restartable reader of the file: the position of a record is its line number.
	 * @param csvType the record type of a CSV file (JSON Lines name theirs)
	 */
	public static UploadReader reader(Path file, RecordType csvType, JsonMapper json) {
		return new UploadReader(file, csvType, json);
	}

	/** A reporting decoder: a bad byte is an error, never a replacement character. */
	static CharsetDecoder reporting(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** Where in the bytes decoding fails, or -1 if it does not. */
	static int errorAt(CharsetDecoder decoder, byte[] bytes) {
		decoder.reset();
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		return result.isError() ? in.position() : -1;
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	/**
	 * One line of a file as bytes, its line break taken off.
	 *
	 * @param number its number in the file, from 1
	 * @param bytes its bytes, or its first {@link #MAX_LINE_BYTES} if it was longer
	 * @param tooLong whether it was longer, and so skipped
	 * @param last whether the file ends in it without a line break
	 * @param visibleCut whether the bytes cut off a longer line hold more than white
	 * space
	 */
	record Line(long number, byte[] bytes, boolean tooLong, boolean last, boolean visibleCut) {

		boolean ascii() {
			for (byte b : this.bytes) {
				if (b < 0) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Only spaces, tabs, line breaks or a byte order mark, in the bytes kept and in
		 * those cut off: no record.
		 */
		boolean blank() {
			return firstVisible() == -1 && !this.visibleCut;
		}

		/** The first byte that is not white space or part of a byte order mark, or -1. */
		int firstVisible() {
			int from = (this.number == 1 && startsWith(this.bytes, UTF8_BOM)) ? UTF8_BOM.length : 0;
			for (int i = from; i < this.bytes.length; i++) {
				int b = this.bytes[i] & 0xFF;
				if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
					return b;
				}
			}
			return -1;
		}

		/** Why the line does not decode, the first bad byte found at {@code at}. */
		String describe(Charset charset, int at) {
			String where = (at >= 0 && at < this.bytes.length)
					? ": byte 0x" + String.format(Locale.ROOT, "%02X", this.bytes[at] & 0xFF) + " at byte " + (at + 1)
							+ " of the line"
					: "";
			return "line " + this.number + " is not valid " + charset.name() + where
					+ (this.last ? " (the file ends in this line: cut short?)" : "");
		}

	}

	/**
	 * The lines of a file as bytes, each cut at LF with a CR before it taken off. Holds
	 * at most one line of {@link #MAX_LINE_BYTES}.
	 */
	static final class Lines implements AutoCloseable {

		private final InputStream in;

		private final byte[] chunk = new byte[64 * 1024];

		private final byte[] line = new byte[MAX_LINE_BYTES];

		private int position;

		private int limit;

		private long number;

		private boolean ended;

		private Lines(InputStream in) {
			this.in = in;
		}

		static Lines of(Path file) {
			try {
				return new Lines(Files.newInputStream(file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** The first bytes of the file (up to four), before any line is read. */
		byte[] start() {
			while (this.limit < 4 && fill()) {
				// a stream may hand out fewer bytes than asked
			}
			return Arrays.copyOf(this.chunk, Math.min(4, this.limit));
		}

		/** The next line, or null at the end of the file. */
		Line next() {
			if (this.ended) {
				return null;
			}
			int length = 0;
			boolean tooLong = false;
			boolean visibleCut = false;
			boolean broken = false;
			while (!broken && (this.position < this.limit || fill())) {
				int from = this.position;
				int end = from;
				while (end < this.limit && this.chunk[end] != '\n') {
					end++;
				}
				int take = Math.min(end - from, MAX_LINE_BYTES - length);
				System.arraycopy(this.chunk, from, this.line, length, take);
				length += take;
				tooLong |= take < end - from;
				visibleCut = visibleCut || visible(this.chunk, from + take, end);
				broken = end < this.limit;
				this.position = broken ? end + 1 : end;
			}
			if (!broken && length == 0 && !tooLong) {
				this.ended = true;
				return null;
			}
			this.ended = !broken;
			this.number++;
			if (length > 0 && this.line[length - 1] == '\r') {
				length--;
			}
			return new Line(this.number, Arrays.copyOf(this.line, length), tooLong, !broken, visibleCut);
		}

		/**
		 * Whether the bytes hold more than white space (as {@link Line#firstVisible}).
		 */
		private static boolean visible(byte[] bytes, int from, int to) {
			for (int i = from; i < to; i++) {
				int b = bytes[i] & 0xFF;
				if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
					return true;
				}
			}
			return false;
		}

		/** Reads the next bytes of the file after those used; false at its end. */
		private boolean fill() {
			try {
				if (this.position == this.limit) {
					this.position = 0;
					this.limit = 0;
				}
				int read = this.in.read(this.chunk, this.limit, this.chunk.length - this.limit);
				if (read > 0) {
					this.limit += read;
				}
				return read > 0;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			try {
				this.in.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
