package cn.qinglang.labelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A ZIP of samples, opened entry by entry. Nothing is extracted here: each entry's
 * content is handed over as a stream that stops at the entry limit, whatever size the
 * entry declares (a bomb ends there), and the batch's unpacked total is limited too.
 * Entries that are refused (a name leaving its folder, over a limit, damaged) get a
 * report instead, and the next entry is read.
 */
public final class SampleArchive {

	private SampleArchive() {
	}

	/**
	 * @param maxEntries files read from one archive; the first one after them is reported
	 * as not checked, for all the rest
	 * @param maxEntrySize bytes one entry may unpack to
	 * @param maxTotalSize bytes all entries together may unpack to
	 */
	public record Limits(int maxEntries, long maxEntrySize, long maxTotalSize) {
	}

	/** Receives an entry's content; reads it (to the end or not) before returning. */
	@FunctionalInterface
	public interface EntryHandler {

		void accept(String name, InputStream content) throws IOException;

	}

	/**
	 * Reads the archive's file entries in order.
	 * @param prefix put before each entry's name in reports, e.g. the archive's name
	 * @param refused receives the report of each entry that was not handed over
	 * @return the bytes the entries unpacked to
	 * @throws IOException when the file is not a readable ZIP at all
	 */
	public static long forEach(Path archive, String prefix, Limits limits, EntryHandler handler,
			Consumer<SampleReport> refused) throws IOException {
		try (ZipFile zip = open(archive)) {
			long total = 0;
			int count = 0;
			for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
				ZipEntry entry = entries.nextElement();
				if (entry.isDirectory()) {
					continue;
				}
				String name = prefix + entry.getName();
				long declared = Math.max(0, entry.getSize());
				String unsafe = unsafeName(entry.getName());
				if (++count > limits.maxEntries()) {
					// one report for all the rest: an archive of a million entries is not
					// a
					// million reports
					refused.accept(SampleReport.unread(name, declared, Problem.of(ProblemCode.NOT_CHECKED,
							"this and the archive's other files after the first " + limits.maxEntries())));
					return total;
				}
				if (unsafe != null) {
					refused.accept(SampleReport.unread(name, declared, Problem.of(ProblemCode.UNSAFE_NAME, unsafe)));
				}
				else if (declared > limits.maxEntrySize()) {
					refused.accept(SampleReport.unread(name, declared,
							Problem.of(ProblemCode.TOO_LARGE, "declares " + declared + " bytes unpacked")));
				}
				else if (total >= limits.maxTotalSize()) {
					refused.accept(SampleReport.unread(name, declared, Problem.of(ProblemCode.NOT_CHECKED,
							"the archive unpacks to over " + limits.maxTotalSize() + " bytes")));
				}
				else {
					total += hand(zip, entry, name, Math.min(limits.maxEntrySize(), limits.maxTotalSize() - total),
							handler, refused);
				}
			}
			return total;
		}
	}

	/** Hands one entry over; returns the bytes it unpacked to. */
	private static long hand(ZipFile zip, ZipEntry entry, String name, long limit, EntryHandler handler,
			Consumer<SampleReport> refused) {
		try (CountingStream content = new CountingStream(new LimitedInputStream(zip.getInputStream(entry), limit))) {
			try {
				handler.accept(name, content);
			}
			catch (IOException ex) {
				if (ex instanceof LimitedInputStream.LimitExceededException) {
					refused.accept(SampleReport.unread(name, content.count, Problem.of(ProblemCode.TOO_LARGE,
							"unpacks to over " + limit + " bytes (declared " + entry.getSize() + ")")));
				}
				else {
					refused.accept(SampleReport.unread(name, content.count,
							Problem.of(ProblemCode.DAMAGED, "cannot be unpacked: " + ex.getMessage())));
				}
			}
			return content.count;
		}
		catch (IOException ex) {
			refused.accept(SampleReport.unread(name, 0,
					Problem.of(ProblemCode.DAMAGED, "cannot be unpacked: " + ex.getMessage())));
			return 0;
		}
	}

	/**
	 * Why an entry's name is refused, or null: a name that climbs out of its folder, is
	 * absolute, or hides control characters.
	 */
	public static String unsafeName(String name) {
		if (name.chars().anyMatch((c) -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
			return "the name holds control characters";
		}
		if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
			return "the name is an absolute path";
		}
		for (String part : name.split("[/\\\\]")) {
			if (part.equals("..")) {
				return "the name climbs out of its folder (..)";
			}
		}
		return null;
	}

	/**
	 * Names are UTF-8 when the archive says so; archives made on Chinese Windows write
	 * them in GBK without saying, so those are read as GB18030.
	 */
	private static ZipFile open(Path archive) throws IOException {
		try {
			return new ZipFile(archive.toFile(), StandardCharsets.UTF_8);
		}
		catch (ZipException | IllegalArgumentException ex) {
			return new ZipFile(archive.toFile(), Charset.forName("GB18030"));
		}
	}

	private static final class CountingStream extends java.io.FilterInputStream {

		private long count;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			this.count += (b >= 0) ? 1 : 0;
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			this.count += Math.max(read, 0);
			return read;
		}

	}

}
