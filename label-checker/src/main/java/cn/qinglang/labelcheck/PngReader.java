package cn.qinglang.labelcheck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * PNG chunks, walked by hand: metadata-extractor's PNG reader allocates whatever length a
 * chunk declares (a 2 GB tEXt chunk would be read whole) and folds tEXt, zTXt and iTXt
 * into one list, so the standard's place (tEXt or iTXt keyword AIGC) could not be told
 * from another. Only the text, eXIf and caBX chunks are read; the image data is skipped.
 */
final class PngReader {

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private PngReader() {
	}

	static void read(SampleFile file, Extraction x) throws IOException, SampleException {
		if (!Arrays.equals(file.header(0, 8, "PNG signature"), SIGNATURE)) {
			throw SampleException.damaged("PNG signature is wrong");
		}
		long position = 8;
		while (true) {
			byte[] header = file.header(position, 8, "PNG chunk header");
			long length = Integer.toUnsignedLong(readInt(header, 0));
			String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
			long data = position + 8;
			if (length > Integer.MAX_VALUE || data + length + 4 > file.size()) {
				throw SampleException.damaged("PNG chunk " + printable(type) + " declares " + length
						+ " bytes but the file ends " + Math.max(0, file.size() - data) + " bytes after its start");
			}
			if (type.equals("IEND")) {
				return;
			}
			if (isRead(type)) {
				try {
					byte[] content = file.read(data, length, "PNG " + type + " chunk");
					if (crcMatches(file, data, header, content)) {
						chunk(type, content, x);
					}
					else {
						x.problem(ProblemCode.DAMAGED, "PNG " + type + " chunk fails its CRC (corrupted)");
					}
				}
				catch (SampleException ex) {
					x.problem(ex);
				}
			}
			position = data + length + 4;
		}
	}

	private static boolean isRead(String type) {
		return type.equals("tEXt") || type.equals("iTXt") || type.equals("zTXt") || type.equals("eXIf")
				|| type.equals("caBX");
	}

	private static void chunk(String type, byte[] content, Extraction x) throws SampleException {
		switch (type) {
			case "eXIf" -> x.exif("PNG eXIf", content, 0);
			case "caBX" -> x.jumbf("PNG caBX", content);
			case "tEXt" -> {
				int nul = nul(content, 0);
				text(type, latin1(content, 0, nul), latin1(content, nul + 1, content.length), x);
			}
			case "zTXt" -> {
				int nul = nul(content, 0);
				byte[] inflated = inflate(Arrays.copyOfRange(content, nul + 2, content.length), x, "PNG zTXt");
				text(type, latin1(content, 0, nul), new String(inflated, StandardCharsets.ISO_8859_1), x);
			}
			default -> {
				// iTXt: keyword, NUL, compression flag, method, language, NUL, translated
				// keyword, NUL, UTF-8 text
				int nul = nul(content, 0);
				String keyword = latin1(content, 0, nul);
				boolean compressed = nul + 1 < content.length && content[nul + 1] == 1;
				int language = nul(content, nul + 3);
				int translated = nul(content, language + 1);
				byte[] text = Arrays.copyOfRange(content, translated + 1, content.length);
				if (compressed) {
					text = inflate(text, x, "PNG iTXt");
				}
				text(type, keyword, new String(text, StandardCharsets.UTF_8), x);
			}
		}
	}

	private static void text(String type, String keyword, String value, Extraction x) {
		String location = "PNG " + type + " " + printable(keyword);
		if (keyword.equals("XML:com.adobe.xmp")) {
			x.xmp("PNG " + type,
					value.getBytes((type.equals("iTXt")) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
		}
		else if (type.equals("zTXt")) {
			// compressed text is not the standard's place, whatever its keyword
			x.other(location, keyword, value);
		}
		else {
			x.named("PNG " + type + " " + KeyName.shown(keyword), keyword, value);
		}
	}

	/** Inflates at most the metadata limit: a compressed bomb stops there. */
	private static byte[] inflate(byte[] compressed, Extraction x, String what) throws SampleException {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(compressed);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			while (!inflater.finished()) {
				int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw SampleException.damaged(what + " compressed text breaks off");
				}
				out.write(buffer, 0, n);
				if (out.size() > x.options().maxMetadataBytes()) {
					throw new SampleException(ProblemCode.METADATA_TOO_LARGE,
							what + " inflates to over " + x.options().maxMetadataBytes() + " bytes");
				}
			}
			return out.toByteArray();
		}
		catch (DataFormatException ex) {
			throw SampleException.damaged(what + " compressed text is corrupted");
		}
		finally {
			inflater.end();
		}
	}

	private static boolean crcMatches(SampleFile file, long data, byte[] header, byte[] content)
			throws IOException, SampleException {
		CRC32 crc = new CRC32();
		crc.update(header, 4, 4);
		crc.update(content);
		byte[] stored = file.header(data + content.length, 4, "PNG chunk CRC");
		return (int) crc.getValue() == readInt(stored, 0);
	}

	private static int nul(byte[] bytes, int from) {
		for (int i = Math.max(0, from); i < bytes.length; i++) {
			if (bytes[i] == 0) {
				return i;
			}
		}
		return bytes.length;
	}

	private static String latin1(byte[] bytes, int from, int to) {
		return (from >= to) ? "" : new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
	}

	private static String printable(String value) {
		return Printable.clip(value, 80);
	}

	static int readInt(byte[] bytes, int at) {
		return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
				| (bytes[at + 3] & 0xFF);
	}

}
