package cn.qinglang.labelcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * MP4 and QuickTime (ISO base media file format) boxes, walked by hand down to the
 * metadata: the standard's place is key {@code AIGC} of {@code moov/udta/meta} (a
 * {@code keys}/{@code ilst} pair, or an iTunes-style {@code ----} item), which no library
 * we found reads for an arbitrary key. Only container boxes are entered and only metadata
 * boxes read; the media data is skipped. XMP and C2PA sit in {@code uuid} boxes.
 */
final class BmffReader {

	private static final byte[] XMP_UUID = hex("BE7ACFCB97A942E89C71999491E3AFAC");

	private static final byte[] C2PA_UUID = hex("D8FEC3D61B0E483C92975828877EC481");

	private static final List<String> CONTAINERS = List.of("moov", "trak", "udta", "mdia", "minf");

	private static final int MAX_DEPTH = 8;

	private BmffReader() {
	}

	static void read(SampleFile file, Extraction x) throws IOException, SampleException {
		walk(file, x, 0, file.size(), "", 0);
	}

	private static void walk(SampleFile file, Extraction x, long start, long end, String path, int depth)
			throws IOException, SampleException {
		long position = start;
		while (position + 8 <= end) {
			byte[] header = file.header(position, 8, "MP4 box header");
			long size = Integer.toUnsignedLong(PngReader.readInt(header, 0));
			String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
			int headerLength = 8;
			if (size == 1) {
				byte[] large = file.header(position + 8, 8, "MP4 box size");
				size = ((long) PngReader.readInt(large, 0) << 32) | Integer.toUnsignedLong(PngReader.readInt(large, 4));
				headerLength = 16;
			}
			else if (size == 0) {
				size = end - position;
			}
			String boxPath = path + "/" + Printable.clip(type, 8);
			// compared as a difference: a size near the largest long would overflow a sum
			if (size < headerLength || size > end - position) {
				throw SampleException.damaged("MP4 box " + boxPath.substring(1) + " declares " + size
						+ " bytes but its container ends " + (end - position) + " bytes after its start");
			}
			long data = position + headerLength;
			long length = size - headerLength;
			try {
				box(file, x, type, boxPath, data, length, depth);
			}
			catch (SampleException ex) {
				x.problem(ex);
			}
			position += size;
		}
	}

	private static void box(SampleFile file, Extraction x, String type, String path, long data, long length, int depth)
			throws IOException, SampleException {
		String location = "MP4 " + path.substring(1);
		if (CONTAINERS.contains(type) && depth < MAX_DEPTH) {
			walk(file, x, data, data + length, path, depth + 1);
		}
		else if (type.equals("meta")) {
			meta(file.read(data, length, location), path, x);
		}
		else if (type.equals("uuid") && length >= 16) {
			byte[] uuid = file.header(data, 16, "MP4 uuid");
			if (Arrays.equals(uuid, XMP_UUID)) {
				x.xmp(location, file.read(data + 16, length - 16, location + " XMP"));
			}
			else if (Arrays.equals(uuid, C2PA_UUID)) {
				byte[] content = file.read(data + 16, length - 16, location + " C2PA");
				int jumb = Jumbf.indexOf(content, "jumb".getBytes(StandardCharsets.US_ASCII), 0, content.length);
				if (jumb >= 4) {
					x.jumbf(location, Arrays.copyOfRange(content, jumb - 4, content.length));
				}
			}
		}
		else if (type.equals("XMP_")) {
			x.xmp(location, file.read(data, length, location));
		}
		else if (type.toUpperCase(Locale.ROOT).contains("AIGC")) {
			x.other(location, type, RiffReader.text(file.read(data, length, location)));
		}
	}

	/**
	 * A meta box: in MP4 a full box (version and flags first), in QuickTime not; told by
	 * whether its first four bytes are followed by a box type.
	 */
	private static void meta(byte[] meta, String path, Extraction x) {
		int start = (meta.length >= 8 && isBoxType(meta, 4)) ? 0 : 4;
		List<String> keys = new ArrayList<>();
		boolean standardPlace = path.equals("/moov/udta/meta");
		String location = "MP4 " + path.substring(1);
		for (int[] child : children(meta, start, meta.length, x, location)) {
			String type = new String(meta, child[0] + 4, 4, StandardCharsets.ISO_8859_1);
			if (type.equals("keys")) {
				keys = keys(meta, child[0] + 8, child[0] + child[1]);
			}
			else if (type.equals("ilst")) {
				for (int[] item : children(meta, child[0] + 8, child[0] + child[1], x, location)) {
					item(meta, item, keys, location, standardPlace, x);
				}
			}
			else if (type.toUpperCase(Locale.ROOT).contains("AIGC")) {
				x.other(location + "/" + Printable.clip(type, 8), type,
						RiffReader.text(Arrays.copyOfRange(meta, child[0] + 8, child[0] + child[1])));
			}
		}
	}

	private static void item(byte[] meta, int[] item, List<String> keys, String location, boolean standardPlace,
			Extraction x) {
		int index = PngReader.readInt(meta, item[0] + 4);
		String name = (index >= 1 && index <= keys.size()) ? keys.get(index - 1)
				: new String(meta, item[0] + 4, 4, StandardCharsets.ISO_8859_1);
		String value = null;
		for (int[] part : children(meta, item[0] + 8, item[0] + item[1], x, location)) {
			String type = new String(meta, part[0] + 4, 4, StandardCharsets.ISO_8859_1);
			if (type.equals("name") && part[1] > 12) {
				name = new String(meta, part[0] + 12, part[1] - 12, StandardCharsets.UTF_8);
			}
			else if (type.equals("data") && part[1] >= 16) {
				value = new String(meta, part[0] + 16, part[1] - 16, StandardCharsets.UTF_8);
			}
		}
		String itemLocation = location + " " + Printable.clip(name, 60);
		if (standardPlace && value != null) {
			x.named(location + " " + KeyName.shown(Printable.clip(name, 60)), name, value);
		}
		else {
			x.other(itemLocation, name, value);
		}
	}

	/** {@code keys}: version and flags, count, then (size, namespace, name) entries. */
	private static List<String> keys(byte[] meta, int from, int to) {
		List<String> keys = new ArrayList<>();
		int position = from + 8;
		while (position + 8 <= to) {
			int size = PngReader.readInt(meta, position);
			if (size < 8 || size > to - position) {
				break;
			}
			keys.add(new String(meta, position + 8, size - 8, StandardCharsets.UTF_8));
			position += size;
		}
		return keys;
	}

	/** Offsets and sizes of the boxes in [from, to) of an array. */
	private static List<int[]> children(byte[] bytes, int from, int to, Extraction x, String location) {
		List<int[]> children = new ArrayList<>();
		int position = from;
		while (position + 8 <= to) {
			int size = PngReader.readInt(bytes, position);
			if (size < 8 || position + (long) size > to) {
				x.problem(ProblemCode.DAMAGED, location + " holds a box that overruns it");
				break;
			}
			children.add(new int[] { position, size });
			position += size;
		}
		return children;
	}

	private static boolean isBoxType(byte[] bytes, int at) {
		for (int i = at; i < at + 4; i++) {
			if (bytes[i] < 0x20 || bytes[i] > 0x7E) {
				return false;
			}
		}
		return true;
	}

	private static byte[] hex(String hex) {
		return java.util.HexFormat.of().parseHex(hex);
	}

}
