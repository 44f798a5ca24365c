package cn.qinglang.labelcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * RIFF chunks of WAV and WebP, walked by hand: no library we found reads a top-level
 * {@code AIGC} chunk (metadata-extractor's RIFF reader keeps only the chunks it knows,
 * and reads each whole). WAV: {@code AIGC} is the standard's place; {@code LIST/INFO},
 * {@code _PMX} (XMP) and an embedded ID3 tag are read for labels put elsewhere. WebP:
 * {@code EXIF} and {@code XMP }. Both: {@code C2PA}.
 */
final class RiffReader {

	private RiffReader() {
	}

	static void read(SampleFile file, Extraction x, SampleFormat format) throws IOException, SampleException {
		byte[] header = file.header(0, 12, "RIFF header");
		String form = new String(header, 8, 4, StandardCharsets.ISO_8859_1);
		String prefix = (format == SampleFormat.WAV) ? "WAV" : "WebP";
		long declaredEnd = 8 + Integer.toUnsignedLong(readIntLe(header, 4));
		if (declaredEnd > file.size()) {
			x.problem(ProblemCode.DAMAGED,
					"RIFF declares " + declaredEnd + " bytes, the file has " + file.size() + " (truncated)");
		}
		long end = Math.min(declaredEnd, file.size());
		long position = 12;
		while (position + 8 <= end) {
			byte[] chunkHeader = file.header(position, 8, prefix + " chunk header");
			String id = new String(chunkHeader, 0, 4, StandardCharsets.ISO_8859_1);
			long length = Integer.toUnsignedLong(readIntLe(chunkHeader, 4));
			long data = position + 8;
			if (data + length > file.size()) {
				throw SampleException.damaged(prefix + " chunk " + Printable.clip(id, 8) + " declares " + length
						+ " bytes but the file ends " + (file.size() - data) + " bytes after its start");
			}
			try {
				chunk(file, x, prefix, form, id, data, length);
			}
			catch (SampleException ex) {
				x.problem(ex);
			}
			position = data + length + (length & 1);
		}
	}

	private static void chunk(SampleFile file, Extraction x, String prefix, String form, String id, long data,
			long length) throws IOException, SampleException {
		String location = prefix + " chunk " + Printable.clip(id, 8);
		switch (id) {
			case "AIGC" -> {
				String value = text(file.read(data, length, location));
				if (form.equals("WAVE")) {
					x.standard(location, value);
				}
				else {
					x.other(location, id, value);
				}
			}
			case "LIST" -> list(file.read(data, length, location), x, location, form.equals("WAVE"));
			case "_PMX", "XMP " -> x.xmp(prefix, file.read(data, length, location));
			case "EXIF" -> {
				byte[] exif = file.read(data, length, location);
				boolean preamble = exif.length > 6 && exif[0] == 'E' && exif[1] == 'x' && exif[4] == 0;
				x.exif(prefix, exif, preamble ? 6 : 0);
			}
			case "C2PA" -> x.jumbf(location, file.read(data, length, location));
			case "id3 ", "ID3 " -> Id3Reader.readTag(file.read(data, length, location), prefix + " id3", x, false);
			default -> {
				if (KeyName.looksLikeAigc(id) && form.equals("WAVE")) {
					x.misnamed(prefix + " chunk " + KeyName.shown(id), id, text(file.read(data, length, location)));
				}
				else if (KeyName.looksLikeAigc(id)) {
					x.other(location, id, text(file.read(data, length, location)));
				}
			}
		}
	}

	/** LIST/INFO: sub-chunks of text (INAM, ICMT, ...). */
	private static void list(byte[] list, Extraction x, String location, boolean wave) {
		if (list.length < 4 || !new String(list, 0, 4, StandardCharsets.ISO_8859_1).equals("INFO")) {
			return;
		}
		int position = 4;
		while (position + 8 <= list.length) {
			String id = new String(list, position, 4, StandardCharsets.ISO_8859_1);
			long length = Integer.toUnsignedLong(readIntLe(list, position + 4));
			if (position + 8 + length > list.length) {
				x.problem(ProblemCode.DAMAGED, location + " INFO " + Printable.clip(id, 8) + " overruns its list");
				return;
			}
			String value = text(Arrays.copyOfRange(list, position + 8, position + 8 + (int) length));
			if (KeyName.isAigc(id) && wave) {
				// Annex E names an AIGC chunk of the RIFF file; an AIGC entry of
				// LIST/INFO is a
				// chunk of the file too, one level down: read as the label, with a note
				x.standard(location + " INFO AIGC", value);
				x.problem(ProblemCode.PLACE_LEFT_OPEN,
						location + " INFO AIGC; the standard's place is the RIFF chunk AIGC");
			}
			else {
				x.other(location + " INFO " + Printable.clip(id, 8), id, value);
			}
			position += 8 + (int) length + (int) (length & 1);
		}
	}

	/** Chunk text: UTF-8, NUL-terminated or padded. */
	static String text(byte[] bytes) {
		int end = bytes.length;
		while (end > 0 && bytes[end - 1] == 0) {
			end--;
		}
		return new String(bytes, 0, end, StandardCharsets.UTF_8);
	}

	static int readIntLe(byte[] bytes, int at) {
		return (bytes[at] & 0xFF) | ((bytes[at + 1] & 0xFF) << 8) | ((bytes[at + 2] & 0xFF) << 16)
				| ((bytes[at + 3] & 0xFF) << 24);
	}

}
