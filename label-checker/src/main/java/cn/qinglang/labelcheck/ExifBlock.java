package cn.qinglang.labelcheck;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;

/**
 * An EXIF (TIFF) block, read with metadata-extractor: the standard's place is
 * {@code UserComment}; the descriptive tags are where labels are put by mistake.
 */
final class ExifBlock {

	private static final int[] DESCRIPTIVE_TAGS = { ExifIFD0Directory.TAG_IMAGE_DESCRIPTION,
			ExifIFD0Directory.TAG_ARTIST, ExifIFD0Directory.TAG_COPYRIGHT, ExifIFD0Directory.TAG_SOFTWARE,
			ExifIFD0Directory.TAG_WIN_COMMENT, ExifIFD0Directory.TAG_WIN_TITLE, ExifIFD0Directory.TAG_WIN_SUBJECT,
			ExifIFD0Directory.TAG_WIN_KEYWORDS };

	private ExifBlock() {
	}

	static void read(String where, byte[] bytes, int tiffOffset, Extraction x) {
		Metadata metadata = new Metadata();
		new ExifReader().extract(new ByteArrayReader(bytes), metadata, tiffOffset);
		String location = where + " EXIF";
		for (Directory directory : metadata.getDirectories()) {
			if (directory instanceof ExifSubIFDDirectory
					&& directory.containsTag(ExifSubIFDDirectory.TAG_USER_COMMENT)) {
				String comment = userComment(directory.getByteArray(ExifSubIFDDirectory.TAG_USER_COMMENT));
				if (comment != null && looksLikeLabel(comment)) {
					x.standard(location + " UserComment", withoutPrefix(comment));
				}
				else {
					x.other(location + " UserComment", "UserComment", comment);
				}
			}
			if (directory instanceof ExifIFD0Directory) {
				for (int tag : DESCRIPTIVE_TAGS) {
					if (directory.containsTag(tag)) {
						x.other(location + " " + directory.getTagName(tag), directory.getTagName(tag),
								directory.getDescription(tag));
					}
				}
			}
			for (String error : directory.getErrors()) {
				x.problem(ProblemCode.DAMAGED, location + ": " + error);
			}
		}
	}

	/**
	 * UserComment's 8-byte character code, then the text (EXIF 2.32 section 4.6.5);
	 * writers that leave the code out are read as UTF-8.
	 */
	static String userComment(byte[] raw) {
		if (raw == null) {
			return null;
		}
		if (raw.length >= 8) {
			String code = new String(raw, 0, 8, StandardCharsets.ISO_8859_1);
			byte[] text = Arrays.copyOfRange(raw, 8, raw.length);
			if (code.startsWith("ASCII")) {
				return trim(new String(text, StandardCharsets.ISO_8859_1));
			}
			if (code.startsWith("UNICODE")) {
				Charset utf16 = (text.length > 1 && text[0] == 0) ? StandardCharsets.UTF_16BE
						: StandardCharsets.UTF_16LE;
				return trim(new String(text, utf16));
			}
			if (code.startsWith("JIS")) {
				return trim(new String(text, Charset.forName("Shift_JIS")));
			}
			if (code.equals("\0\0\0\0\0\0\0\0")) {
				return trim(new String(text, StandardCharsets.UTF_8));
			}
		}
		return trim(new String(raw, StandardCharsets.UTF_8));
	}

	private static boolean looksLikeLabel(String comment) {
		return comment.startsWith("{") || comment.toUpperCase(java.util.Locale.ROOT).startsWith("AIGC");
	}

	/** Some writers put {@code AIGC:} or {@code AIGC=} before the JSON. */
	private static String withoutPrefix(String comment) {
		if (comment.toUpperCase(java.util.Locale.ROOT).startsWith("AIGC")) {
			String rest = comment.substring(4).stripLeading();
			return (rest.startsWith(":") || rest.startsWith("=")) ? rest.substring(1).strip() : rest;
		}
		return comment;
	}

	private static String trim(String text) {
		int end = text.length();
		while (end > 0 && (text.charAt(end - 1) == 0 || Character.isWhitespace(text.charAt(end - 1)))) {
			end--;
		}
		return text.substring(0, end).strip();
	}

}
