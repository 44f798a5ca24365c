package cn.qinglang.labelcheck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * ID3v2 tags (2.2, 2.3, 2.4) of MP3 files, read by hand: the standard's place is a
 * {@code TXXX} frame described {@code AIGC}; the libraries that read ID3 on the JVM also
 * scan the audio and are no longer maintained, while a tag is a simple list of frames.
 * Other text frames and comments are read for labels put elsewhere; a {@code GEOB} frame
 * may carry a C2PA manifest store.
 */
final class Id3Reader {

	private Id3Reader() {
	}

	static void read(SampleFile file, Extraction x) throws IOException, SampleException {
		if (file.size() < 10) {
			return;
		}
		byte[] header = file.header(0, 10, "ID3 header");
		if (header[0] != 'I' || header[1] != 'D' || header[2] != '3') {
			return;
		}
		int size = synchsafe(header, 6);
		byte[] tag = file.read(10, size, "ID3v2 tag");
		readTag(header[3], header[5], tag, "ID3v2." + header[3], x, true);
	}

	/** A tag embedded elsewhere (a WAV "id3 " chunk): header and frames. */
	static void readTag(byte[] tagWithHeader, String where, Extraction x, boolean standardPlace) {
		if (tagWithHeader.length < 10 || tagWithHeader[0] != 'I' || tagWithHeader[1] != 'D'
				|| tagWithHeader[2] != '3') {
			return;
		}
		int size = Math.min(synchsafe(tagWithHeader, 6), tagWithHeader.length - 10);
		readTag(tagWithHeader[3], tagWithHeader[5], Arrays.copyOfRange(tagWithHeader, 10, 10 + size), where, x,
				standardPlace);
	}

	private static void readTag(int major, int flags, byte[] tag, String where, Extraction x, boolean standardPlace) {
		if (major < 2 || major > 4) {
			x.problem(ProblemCode.DAMAGED, where + ": unknown ID3 version");
			return;
		}
		byte[] frames = ((flags & 0x80) != 0 && major <= 3) ? resynchronise(tag) : tag;
		int position = 0;
		if ((flags & 0x40) != 0 && major >= 3 && frames.length >= 4) {
			position = (major == 3) ? 4 + PngReader.readInt(frames, 0) : synchsafe(frames, 0);
		}
		int idLength = (major == 2) ? 3 : 4;
		int headerLength = (major == 2) ? 6 : 10;
		while (position >= 0 && position + headerLength <= frames.length && frames[position] != 0) {
			String id = new String(frames, position, idLength, StandardCharsets.ISO_8859_1);
			int size = switch (major) {
				case 2 -> ((frames[position + 3] & 0xFF) << 16) | ((frames[position + 4] & 0xFF) << 8)
						| (frames[position + 5] & 0xFF);
				case 3 -> PngReader.readInt(frames, position + 4);
				default -> synchsafe(frames, position + 4);
			};
			int start = position + headerLength;
			if (size < 0 || start + (long) size > frames.length) {
				x.problem(ProblemCode.DAMAGED,
						where + " frame " + Printable.clip(id, 8) + " declares " + size + " bytes beyond its tag");
				return;
			}
			byte[] data = Arrays.copyOfRange(frames, start, start + size);
			int formatFlags = (major >= 3) ? frames[position + 9] & 0xFF : 0;
			boolean readable = (major == 3) ? (formatFlags & 0xC0) == 0 : (formatFlags & 0x0C) == 0;
			if (major == 4 && (formatFlags & 0x02) != 0) {
				data = resynchronise(data);
			}
			if (major == 4 && (formatFlags & 0x01) != 0 && data.length >= 4) {
				data = Arrays.copyOfRange(data, 4, data.length);
			}
			if (readable && data.length > 0) {
				frame(id, data, where, x, standardPlace);
			}
			position = start + size;
		}
	}

	private static void frame(String id, byte[] data, String where, Extraction x, boolean standardPlace) {
		int encoding = data[0];
		if (id.equals("TXXX") || id.equals("TXX")) {
			String[] parts = strings(data, 1, encoding, 2);
			String location = where + " TXXX:" + Printable.clip(parts[0], 60);
			if (standardPlace) {
				x.named(where + " TXXX:" + KeyName.shown(Printable.clip(parts[0], 60)), parts[0], parts[1]);
			}
			else {
				x.other(location, parts[0], parts[1]);
			}
		}
		else if (id.equals("COMM") || id.equals("COM")) {
			String[] parts = strings(data, 4, encoding, 2);
			x.other(where + " COMM:" + Printable.clip(parts[0], 60), parts[0], parts[1]);
		}
		else if (id.startsWith("T")) {
			x.other(where + " " + id, id, strings(data, 1, encoding, 1)[0]);
		}
		else if (id.equals("GEOB")) {
			// encoding, MIME type (Latin-1), file name, description, object
			int mimeEnd = end(data, 1, 0);
			String mime = new String(data, 1, mimeEnd - 1, StandardCharsets.ISO_8859_1);
			if (mime.contains("c2pa")) {
				x.jumbf(where + " GEOB", data);
			}
		}
		else if (id.equals("PRIV")) {
			int ownerEnd = end(data, 0, 0);
			if (new String(data, 0, ownerEnd, StandardCharsets.ISO_8859_1).equals("XMP")) {
				x.xmp(where + " PRIV", Arrays.copyOfRange(data, Math.min(ownerEnd + 1, data.length), data.length));
			}
		}
	}

	/** {@code count} strings of the frame's encoding from {@code from}, NUL-separated. */
	private static String[] strings(byte[] data, int from, int encoding, int count) {
		String[] result = new String[count];
		Arrays.fill(result, "");
		int position = from;
		for (int i = 0; i < count && position <= data.length; i++) {
			int end = (i == count - 1) ? data.length : end(data, position, encoding);
			result[i] = trimNul(decode(data, position, end, encoding));
			position = end + (((encoding == 1 || encoding == 2)) ? 2 : 1);
		}
		return result;
	}

	private static int end(byte[] data, int from, int encoding) {
		boolean wide = encoding == 1 || encoding == 2;
		for (int i = from; i < data.length; i += wide ? 2 : 1) {
			if (data[i] == 0 && (!wide || (i + 1 < data.length && data[i + 1] == 0))) {
				return i;
			}
		}
		return data.length;
	}

	private static String decode(byte[] data, int from, int to, int encoding) {
		if (from >= to) {
			return "";
		}
		Charset charset = switch (encoding) {
			case 1 -> StandardCharsets.UTF_16;
			case 2 -> StandardCharsets.UTF_16BE;
			case 3 -> StandardCharsets.UTF_8;
			default -> StandardCharsets.ISO_8859_1;
		};
		return new String(data, from, to - from, charset);
	}

	private static String trimNul(String value) {
		int end = value.length();
		while (end > 0 && value.charAt(end - 1) == 0) {
			end--;
		}
		return value.substring(0, end);
	}

	/** Undoes ID3 unsynchronisation: every FF 00 was an FF. */
	private static byte[] resynchronise(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
		for (int i = 0; i < bytes.length; i++) {
			out.write(bytes[i]);
			if ((bytes[i] & 0xFF) == 0xFF && i + 1 < bytes.length && bytes[i + 1] == 0) {
				i++;
			}
		}
		return out.toByteArray();
	}

	private static int synchsafe(byte[] bytes, int at) {
		return ((bytes[at] & 0x7F) << 21) | ((bytes[at + 1] & 0x7F) << 14) | ((bytes[at + 2] & 0x7F) << 7)
				| (bytes[at + 3] & 0x7F);
	}

}
