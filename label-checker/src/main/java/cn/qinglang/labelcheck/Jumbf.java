package cn.qinglang.labelcheck;

import java.nio.charset.StandardCharsets;

/**
 * The few bytes of a C2PA manifest store the checker reads. We found no C2PA reader for
 * the plain JVM on Maven Central (the Content Authenticity Initiative's SDK is Rust, its
 * Android binding ships native code), so this reads JUMBF (ISO/IEC 19566-5) minimally:
 * the superbox and its description box's type UUID say whether a C2PA manifest store is
 * there, and the IPTC digital source type that the actions assertion carries as CBOR text
 * is looked up in its bytes. Signatures are not verified.
 */
final class Jumbf {

	/**
	 * The description box type of a C2PA manifest store: "c2pa"
	 * 0011-0010-8000-00AA00389B71.
	 */
	private static final byte[] C2PA_UUID = { 0x63, 0x32, 0x70, 0x61, 0x00, 0x11, 0x00, 0x10, (byte) 0x80, 0x00, 0x00,
			(byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71 };

	/** Most specific first: each later one is contained in an earlier one. */
	private static final String[] SOURCE_TYPES = { "compositeWithTrainedAlgorithmicMedia", "trainedAlgorithmicMedia" };

	private Jumbf() {
	}

	static boolean isC2paManifestStore(byte[] box) {
		int start = indexOf(box, "jumb".getBytes(StandardCharsets.US_ASCII), 0, Math.min(box.length, 64));
		if (start < 4) {
			return false;
		}
		// superbox header (LBox, TBox), then the description box: LBox, TBox "jumd", UUID
		int description = start + 4;
		if (box.length < description + 8 + 16
				|| indexOf(box, "jumd".getBytes(StandardCharsets.US_ASCII), description + 4, description + 5) < 0) {
			return false;
		}
		for (int i = 0; i < 16; i++) {
			if (box[description + 8 + i] != C2PA_UUID[i]) {
				return false;
			}
		}
		return true;
	}

	/** The AI-generation digital source type the manifest claims, or null. */
	static String digitalSourceType(byte[] box) {
		for (String type : SOURCE_TYPES) {
			if (indexOf(box, type.getBytes(StandardCharsets.US_ASCII), 0, box.length) >= 0) {
				return type;
			}
		}
		return null;
	}

	/** Index of {@code needle} starting in [from, to), or -1. */
	static int indexOf(byte[] haystack, byte[] needle, int from, int to) {
		int last = Math.min(to, haystack.length - needle.length + 1);
		outer: for (int i = Math.max(0, from); i < last; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
