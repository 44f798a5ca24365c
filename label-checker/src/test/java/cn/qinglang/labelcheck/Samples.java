package cn.qinglang.labelcheck;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Random;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Sample files built byte by byte (or with PDFBox and POI for the documents), so that the
 * corpus, the tests and the benchmark make exactly the files they need: a label in each
 * place the standard names, in others, broken in each typical way. Nothing is downloaded.
 */
public final class Samples {

	public static final String GOOD = label("1", "913101150000000001", "QQ-20261123-000001", "", "");

	public static final String GOOD_VIA_PLATFORM = label("1", "913101150000000001", "QQ-20261123-000001",
			"911100000000000002", "MC-8812-0001");

	private static final Random RANDOM = new Random(20261123);

	private Samples() {
	}

	/** A label's JSON with all seven keys. */
	public static String label(String label, String producer, String produceId, String propagator, String propagateId) {
		return "{\"Label\":\"%s\",\"ContentProducer\":\"%s\",\"ProduceID\":\"%s\",\"ReservedCode1\":\"\",\"ContentPropagator\":\"%s\",\"PropagateID\":\"%s\",\"ReservedCode2\":\"\"}"
			.formatted(label, producer, produceId, propagator, propagateId);
	}

	// ---- XMP, EXIF, JUMBF ----------------------------------------------------------

	/** An XMP packet; {@code aigc} in the TC260 namespace and/or an IPTC source type. */
	public static byte[] xmp(String namespace, String aigc, String digitalSourceType) {
		return xmp(namespace, "AIGC", aigc, digitalSourceType);
	}

	/**
	 * An XMP packet with {@code value} under the property {@code name} of the namespace.
	 */
	public static byte[] xmp(String namespace, String name, String aigc, String digitalSourceType) {
		StringBuilder xml = new StringBuilder(
				"<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
						+ "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
						+ "<rdf:Description rdf:about=\"\" xmlns:TC260=\"" + namespace + "\""
						+ " xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\">");
		if (aigc != null) {
			xml.append("<TC260:" + name + ">").append(escapeXml(aigc)).append("</TC260:" + name + ">");
		}
		if (digitalSourceType != null) {
			xml.append("<Iptc4xmpExt:DigitalSourceType>http://cv.iptc.org/newscodes/digitalsourcetype/")
				.append(digitalSourceType)
				.append("</Iptc4xmpExt:DigitalSourceType>");
		}
		xml.append("</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>");
		return xml.toString().getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] xmp(String aigc) {
		return xmp(XmpPacket.TC260, aigc, null);
	}

	/** An XMP packet whose description nests {@code depth} elements deep. */
	public static byte[] deepXmp(int depth) {
		String open = "<rdf:Description rdf:about=\"\" xmlns:d=\"http://example.org/deep/\">";
		return ("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
				+ open + "<d:n>".repeat(depth) + "x" + "</d:n>".repeat(depth)
				+ "</rdf:Description></rdf:RDF></x:xmpmeta>")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A little-endian TIFF block: IFD0 with an ImageDescription and a pointer to an EXIF
	 * IFD with a UserComment (each optional).
	 */
	public static byte[] exif(String userComment, String imageDescription) {
		ByteBuffer tiff = ByteBuffer.allocate(16384).order(ByteOrder.LITTLE_ENDIAN);
		tiff.put("II".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
		byte[] description = (imageDescription != null) ? (imageDescription + "\0").getBytes(StandardCharsets.UTF_8)
				: null;
		byte[] comment = (userComment != null) ? concat("ASCII\0\0\0".getBytes(StandardCharsets.US_ASCII),
				userComment.getBytes(StandardCharsets.UTF_8)) : null;
		int ifd0Entries = ((description != null) ? 1 : 0) + 1;
		int ifd0End = 8 + 2 + ifd0Entries * 12 + 4;
		int exifIfd = ifd0End + ((description != null) ? description.length : 0);
		int exifEntries = (comment != null) ? 1 : 0;
		int exifEnd = exifIfd + 2 + exifEntries * 12 + 4;
		tiff.putShort((short) ifd0Entries);
		if (description != null) {
			tiff.putShort((short) 0x010E).putShort((short) 2).putInt(description.length).putInt(ifd0End);
		}
		tiff.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(exifIfd);
		tiff.putInt(0);
		if (description != null) {
			tiff.put(description);
		}
		tiff.putShort((short) exifEntries);
		if (comment != null) {
			tiff.putShort((short) 0x9286).putShort((short) 7).putInt(comment.length).putInt(exifEnd);
		}
		tiff.putInt(0);
		if (comment != null) {
			tiff.put(comment);
		}
		byte[] bytes = new byte[tiff.position()];
		tiff.flip().get(bytes);
		return bytes;
	}

	/**
	 * A minimal C2PA manifest store: the JUMBF superbox with the C2PA description, and a
	 * content box holding the actions' digital source type (when given). Not signed: the
	 * checker reports presence and claims only.
	 */
	public static byte[] c2pa(String digitalSourceType) {
		byte[] description = box("jumd", concat(HexFormat.of().parseHex("6332706100110010800000AA00389B71"),
				new byte[] { 3 }, "c2pa\0".getBytes(StandardCharsets.US_ASCII)));
		String actions = "c2pa.actions" + ((digitalSourceType != null)
				? " digitalSourceType http://cv.iptc.org/newscodes/digitalsourcetype/" + digitalSourceType : "");
		return box("jumb", concat(description, box("cbor", actions.getBytes(StandardCharsets.US_ASCII))));
	}

	// ---- images ---------------------------------------------------------------------

	/** Where a JPEG carries its label. */
	public enum JpegPlace {

		NONE, XMP, EXIF_USER_COMMENT, EXIF_IMAGE_DESCRIPTION, COMMENT

	}

	/** A JPEG image of about {@code bodyBytes} bytes of image data. */
	public static byte[] jpegBody(int width, int height) {
		return image(width, height, "jpg");
	}

	public static byte[] jpeg(JpegPlace place, String label, byte[] body, byte[]... extraSegments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 4096);
		out.write(0xFF);
		out.write(0xD8);
		switch (place) {
			case XMP -> segment(out, 0xE1,
					concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII), xmp(label)));
			case EXIF_USER_COMMENT ->
				segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), exif(label, null)));
			case EXIF_IMAGE_DESCRIPTION ->
				segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), exif(null, label)));
			case COMMENT -> segment(out, 0xFE, label.getBytes(StandardCharsets.UTF_8));
			default -> {
			}
		}
		for (byte[] extra : extraSegments) {
			out.writeBytes(extra);
		}
		out.write(body, 2, body.length - 2);
		return out.toByteArray();
	}

	/** An APP1 segment with an XMP packet. */
	public static byte[] jpegXmpSegment(byte[] packet) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		segment(out, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII), packet));
		return out.toByteArray();
	}

	/** An APP1 segment with EXIF whose UserComment is given. */
	public static byte[] jpegExifSegment(String userComment) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), exif(userComment, null)));
		return out.toByteArray();
	}

	/** An APP11 segment with a JUMBF box, as C2PA embeds it. */
	public static byte[] jpegJumbfSegment(byte[] box) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		segment(out, 0xEB, concat(new byte[] { 'J', 'P', 0, 1, 0, 0, 0, 1 }, box));
		return out.toByteArray();
	}

	/** A PNG image. */
	public static byte[] pngBody(int width, int height) {
		return image(width, height, "png");
	}

	/** The PNG with chunks put right after IHDR. */
	public static byte[] png(byte[] body, byte[]... chunks) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 4096);
		int ihdrEnd = 8 + 8 + 13 + 4;
		out.write(body, 0, ihdrEnd);
		for (byte[] chunk : chunks) {
			out.writeBytes(chunk);
		}
		out.write(body, ihdrEnd, body.length - ihdrEnd);
		return out.toByteArray();
	}

	public static byte[] pngChunk(String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		return ByteBuffer.allocate(12 + data.length)
			.putInt(data.length)
			.put(typeBytes)
			.put(data)
			.putInt((int) crc.getValue())
			.array();
	}

	public static byte[] pngText(String keyword, String text) {
		return pngChunk("tEXt", concat(latin1(keyword + "\0"), text.getBytes(StandardCharsets.ISO_8859_1)));
	}

	/**
	 * A text chunk whose bytes are given as they are (any byte, e.g. a raw control
	 * character).
	 */
	public static byte[] pngTextBytes(String keyword, byte[] text) {
		return pngChunk("tEXt", concat(latin1(keyword + "\0"), text));
	}

	public static byte[] pngInternationalText(String keyword, String text, boolean compressed) {
		byte[] value = text.getBytes(StandardCharsets.UTF_8);
		return pngChunk("iTXt", concat(latin1(keyword + "\0"), new byte[] { (byte) (compressed ? 1 : 0), 0 },
				latin1("\0\0"), compressed ? deflate(value) : value));
	}

	public static byte[] pngCompressedText(String keyword, String text) {
		return pngChunk("zTXt", concat(latin1(keyword + "\0"), new byte[] { 0 }, deflate(latin1(text))));
	}

	/** WebP: VP8X, the metadata chunks, a tiny VP8L image. */
	public static byte[] webp(byte[] xmpPacket) {
		ByteArrayOutputStream chunks = new ByteArrayOutputStream();
		chunks.writeBytes(
				riffChunk("VP8X", new byte[] { (byte) ((xmpPacket != null) ? 0x04 : 0), 0, 0, 0, 0, 0, 0, 0, 0, 0 }));
		chunks.writeBytes(riffChunk("VP8L", HexFormat.of().parseHex("2f000000001007101111888808")));
		if (xmpPacket != null) {
			chunks.writeBytes(riffChunk("XMP ", xmpPacket));
		}
		return riff("WEBP", chunks.toByteArray());
	}

	// ---- audio and video ------------------------------------------------------------

	/** A WAV file of a tenth of a second of silence with the given extra chunks. */
	public static byte[] wav(byte[]... extraChunks) {
		ByteBuffer format = ByteBuffer.allocate(16)
			.order(ByteOrder.LITTLE_ENDIAN)
			.putShort((short) 1)
			.putShort((short) 1)
			.putInt(8000)
			.putInt(16000)
			.putShort((short) 2)
			.putShort((short) 16);
		ByteArrayOutputStream chunks = new ByteArrayOutputStream();
		chunks.writeBytes(riffChunk("fmt ", format.array()));
		for (byte[] extra : extraChunks) {
			chunks.writeBytes(extra);
		}
		chunks.writeBytes(riffChunk("data", new byte[1600]));
		return riff("WAVE", chunks.toByteArray());
	}

	public static byte[] riffChunk(String id, byte[] data) {
		ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
		chunk.put(id.getBytes(StandardCharsets.ISO_8859_1)).putInt(data.length).put(data);
		return chunk.array();
	}

	/** LIST/INFO with one sub-chunk. */
	public static byte[] riffInfo(String id, String text) {
		return riffChunk("LIST", concat(latin1("INFO"), riffChunk(id, (text + "\0").getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * An MP3: an ID3v2.3 tag with the given frames (none: no tag), then silent frames.
	 */
	public static byte[] mp3(byte[]... frames) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (frames.length > 0) {
			byte[] body = concat(frames);
			out.writeBytes(latin1("ID3"));
			out.writeBytes(new byte[] { 3, 0, 0 });
			out.writeBytes(synchsafe(body.length));
			out.writeBytes(body);
		}
		// MPEG-1 layer III, 128 kbit/s, 44.1 kHz: 417-byte frames
		for (int i = 0; i < 8; i++) {
			byte[] frame = new byte[417];
			frame[0] = (byte) 0xFF;
			frame[1] = (byte) 0xFB;
			frame[2] = (byte) 0x90;
			frame[3] = (byte) 0x64;
			out.writeBytes(frame);
		}
		return out.toByteArray();
	}

	/** An ID3v2.3 TXXX frame (UTF-8 encoding). */
	public static byte[] id3UserText(String description, String value) {
		return id3Frame("TXXX",
				concat(new byte[] { 3 }, (description + "\0" + value).getBytes(StandardCharsets.UTF_8)));
	}

	/** An ID3v2.3 COMM frame. */
	public static byte[] id3Comment(String text) {
		return id3Frame("COMM",
				concat(new byte[] { 3 }, latin1("chi"), ("\0" + text).getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] id3Frame(String id, byte[] data) {
		return ByteBuffer.allocate(10 + data.length)
			.put(latin1(id))
			.putInt(data.length)
			.putShort((short) 0)
			.put(data)
			.array();
	}

	/** Where an MP4 carries its label. */
	public enum Mp4Place {

		NONE, UDTA_META, MOOV_META

	}

	/** An MP4: ftyp, moov (mvhd and the label's meta), mdat. */
	public static byte[] mp4(Mp4Place place, String label, long mdatDeclared) {
		return mp4(place, "AIGC", label, mdatDeclared);
	}

	/** An MP4 with the label under the metadata key {@code key}. */
	public static byte[] mp4(Mp4Place place, String key, String label, long mdatDeclared) {
		byte[] meta = (label != null)
				? box("meta",
						concat(new byte[4],
								box("hdlr", concat(new byte[8], latin1("mdta"), new byte[12], new byte[] { 0 })),
								box("keys",
										concat(new byte[4], ByteBuffer.allocate(4).putInt(1).array(),
												box("mdta", key.getBytes(StandardCharsets.UTF_8)))),
								box("ilst",
										box(ByteBuffer.allocate(4).putInt(1).array(),
												box("data",
														concat(ByteBuffer.allocate(4).putInt(1).array(), new byte[4],
																label.getBytes(StandardCharsets.UTF_8)))))))
				: new byte[0];
		byte[] mvhd = box("mvhd", new byte[100]);
		byte[] moov = switch (place) {
			case UDTA_META -> box("moov", concat(mvhd, box("udta", meta)));
			case MOOV_META -> box("moov", concat(mvhd, meta));
			default -> box("moov", mvhd);
		};
		byte[] media = new byte[2048];
		ByteBuffer mdat = ByteBuffer.allocate(8 + media.length)
			.putInt((int) mdatDeclared)
			.put(latin1("mdat"))
			.put(media);
		return concat(box("ftyp", concat(latin1("isom"), new byte[4], latin1("isomiso2mp41"))), moov, mdat.array());
	}

	// ---- documents --------------------------------------------------------------------

	/** Where a PDF carries its label. */
	public enum PdfPlace {

		NONE, INFO, XMP, INFO_KEYWORDS

	}

	public static byte[] pdf(PdfPlace place, String label) {
		return pdf(place, "AIGC", label);
	}

	/**
	 * A PDF with the label under the Info key {@code key} (for {@link PdfPlace#INFO}).
	 */
	public static byte[] pdf(PdfPlace place, String key, String label) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			PDDocumentInformation info = document.getDocumentInformation();
			Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
			fixed.setTimeInMillis(1_795_000_000_000L);
			info.setCreationDate(fixed);
			info.setTitle("AI sample");
			switch (place) {
				case INFO -> info.setCustomMetadataValue(key, label);
				case INFO_KEYWORDS -> info.setKeywords(label);
				case XMP -> {
					PDMetadata metadata = new PDMetadata(document);
					metadata.importXMPMetadata(xmp(label));
					document.getDocumentCatalog().getCOSObject().setItem(COSName.METADATA, metadata);
				}
				default -> {
				}
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where a DOCX carries its label. */
	public enum DocxPlace {

		NONE, CUSTOM, CORE_DESCRIPTION

	}

	public static byte[] docx(DocxPlace place, String label) {
		return docx(place, "AIGC", label);
	}

	/** A DOCX with the label under the custom property {@code name} (for CUSTOM). */
	public static byte[] docx(DocxPlace place, String name, String label) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText("本文由人工智能生成。");
			switch (place) {
				case CUSTOM -> document.getProperties().getCustomProperties().addProperty(name, label);
				case CORE_DESCRIPTION -> document.getProperties().getCoreProperties().setDescription(label);
				default -> {
				}
			}
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] text(String text, Charset charset) {
		return text.getBytes(charset);
	}

	// ---- helpers
	// ------------------------------------------------------------------------

	private static byte[] image(int width, int height, String format) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, RANDOM.nextInt(0x1000000));
			}
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
		out.write(0xFF);
		out.write(marker);
		out.write((data.length + 2) >> 8);
		out.write((data.length + 2) & 0xFF);
		out.writeBytes(data);
	}

	private static byte[] riff(String form, byte[] chunks) {
		return ByteBuffer.allocate(12 + chunks.length)
			.order(ByteOrder.LITTLE_ENDIAN)
			.put(latin1("RIFF"))
			.putInt(4 + chunks.length)
			.put(latin1(form))
			.put(chunks)
			.array();
	}

	public static byte[] box(String type, byte[] data) {
		return box(latin1(type), data);
	}

	private static byte[] box(byte[] type, byte[] data) {
		return ByteBuffer.allocate(8 + data.length).putInt(8 + data.length).put(type).put(data).array();
	}

	private static byte[] synchsafe(int size) {
		return new byte[] { (byte) ((size >> 21) & 0x7F), (byte) ((size >> 14) & 0x7F), (byte) ((size >> 7) & 0x7F),
				(byte) (size & 0x7F) };
	}

	static byte[] deflate(byte[] data) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		deflater.setInput(data);
		deflater.finish();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[65536];
		while (!deflater.finished()) {
			out.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		return out.toByteArray();
	}

	public static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static byte[] latin1(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static String escapeXml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
