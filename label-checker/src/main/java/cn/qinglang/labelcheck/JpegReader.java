package cn.qinglang.labelcheck;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.imaging.jpeg.JpegSegmentData;
import com.drew.imaging.jpeg.JpegSegmentReader;
import com.drew.imaging.jpeg.JpegSegmentType;
import com.drew.lang.StreamReader;

/**
 * JPEG: metadata-extractor splits the segments before the image data (each at most 64 KB,
 * and all of them together limited here); APP1 holds EXIF and XMP, APP11 the C2PA JUMBF,
 * COM a comment.
 */
final class JpegReader {

	private static final byte[] XMP_PREAMBLE = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] EXTENDED_XMP_PREAMBLE = "http://ns.adobe.com/xmp/extension/\0"
		.getBytes(StandardCharsets.US_ASCII);

	private JpegReader() {
	}

	static void read(SampleFile file, Extraction x) throws IOException, SampleException {
		long headerLimit = 4L * x.options().maxMetadataBytes();
		JpegSegmentData segments;
		try (InputStream in = new LimitedInputStream(new BufferedInputStream(file.stream(), 64 * 1024), headerLimit)) {
			segments = JpegSegmentReader.readSegments(new StreamReader(in),
					List.of(JpegSegmentType.APP1, JpegSegmentType.APPB, JpegSegmentType.COM));
		}
		catch (LimitedInputStream.LimitExceededException ex) {
			throw new SampleException(ProblemCode.METADATA_TOO_LARGE,
					"JPEG segments before the image data exceed " + headerLimit + " bytes");
		}
		catch (JpegProcessingException ex) {
			throw SampleException.damaged("JPEG: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw SampleException.damaged("JPEG breaks off before its image data (truncated)");
		}
		Map<String, ByteArrayOutputStream> extendedXmp = new LinkedHashMap<>();
		for (byte[] segment : segments.getSegments(JpegSegmentType.APP1)) {
			if (startsWith(segment, "Exif\0\0".getBytes(StandardCharsets.US_ASCII))) {
				x.exif("JPEG APP1", segment, 6);
			}
			else if (startsWith(segment, XMP_PREAMBLE)) {
				x.xmp("JPEG APP1", Arrays.copyOfRange(segment, XMP_PREAMBLE.length, segment.length));
			}
			else if (startsWith(segment, EXTENDED_XMP_PREAMBLE) && segment.length > EXTENDED_XMP_PREAMBLE.length + 40) {
				// GUID (32), full length (4), offset (4), then this part
				String guid = new String(segment, EXTENDED_XMP_PREAMBLE.length, 32, StandardCharsets.US_ASCII);
				extendedXmp.computeIfAbsent(guid, (key) -> new ByteArrayOutputStream())
					.write(segment, EXTENDED_XMP_PREAMBLE.length + 40,
							segment.length - EXTENDED_XMP_PREAMBLE.length - 40);
			}
		}
		extendedXmp.values().forEach((packet) -> x.xmp("JPEG APP1 extended", packet.toByteArray()));
		readJumbf(segments, x);
		for (byte[] comment : segments.getSegments(JpegSegmentType.COM)) {
			x.other("JPEG COM", "COM", new String(comment, StandardCharsets.UTF_8));
		}
		if (Jumbf.indexOf(file.tail(1024), new byte[] { (byte) 0xFF, (byte) 0xD9 }, 0, 1024) < 0) {
			x.problem(ProblemCode.DAMAGED, "JPEG has no end-of-image marker (truncated)");
		}
	}

	/**
	 * APP11 segments: "JP", box instance (2), packet sequence (4), then the JUMBF box; a
	 * box split over several segments repeats its 8-byte header in each.
	 */
	private static void readJumbf(JpegSegmentData segments, Extraction x) {
		Map<Integer, ByteArrayOutputStream> boxes = new LinkedHashMap<>();
		for (byte[] segment : segments.getSegments(JpegSegmentType.APPB)) {
			if (segment.length < 16 || segment[0] != 'J' || segment[1] != 'P') {
				continue;
			}
			int instance = ((segment[2] & 0xFF) << 8) | (segment[3] & 0xFF);
			ByteArrayOutputStream box = boxes.get(instance);
			if (box == null) {
				box = new ByteArrayOutputStream();
				boxes.put(instance, box);
				box.write(segment, 8, segment.length - 8);
			}
			else {
				box.write(segment, 16, segment.length - 16);
			}
		}
		boxes.values().forEach((box) -> x.jumbf("JPEG APP11", box.toByteArray()));
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

}
