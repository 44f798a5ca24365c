package cn.qinglang.labelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipFile;

import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import tools.jackson.databind.JsonNode;

/**
 * The GB 45438-2025 label checker: reads one file, finds its implicit labels (Annex E),
 * its C2PA credentials and, for text, its explicit label, and gives a verdict. Free of
 * Spring and of any database, so that the command line runs it as the portal does; safe
 * to share between threads.
 */
public final class LabelChecker {

	public static final String NAME = "qinglang-labelcheck";

	/** Saved with every result: a result is reproduced by the checker of its version. */
	public static final String VERSION = "1.2.0";

	/** Tika's detector, loaded on first use: most samples are told by their signature. */
	private static final class Tika {

		static final Detector DETECTOR = new org.apache.tika.Tika().getDetector();

	}

	private final CheckOptions options;

	public LabelChecker(CheckOptions options) {
		this.options = options;
	}

	public CheckOptions options() {
		return this.options;
	}

	public SampleReport check(Path file) {
		return check(String.valueOf(file.getFileName()), file);
	}

	/**
	 * Checks a file. Never throws for what the file holds: a damaged, hostile or foreign
	 * file gets a report saying so.
	 * @param name the name it came with (a hint for the inspector only: the content
	 * decides the format)
	 */
	public SampleReport check(String name, Path file) {
		long size;
		try {
			size = Files.size(file);
		}
		catch (IOException ex) {
			return SampleReport.unread(name, 0, Problem.of(ProblemCode.DAMAGED, "cannot be read: " + ex.getMessage()));
		}
		if (size == 0) {
			return SampleReport.unread(name, 0, Problem.of(ProblemCode.EMPTY_FILE, null));
		}
		if (size > this.options.maxFileSize()) {
			return SampleReport.unread(name, size,
					Problem.of(ProblemCode.TOO_LARGE, size + " bytes (limit " + this.options.maxFileSize() + ")"));
		}
		Extraction x = new Extraction(this.options);
		String mediaType = null;
		SampleFormat format = SampleFormat.OTHER;
		ExplicitLabel explicit = null;
		try (SampleFile sample = SampleFile.open(file, this.options.maxMetadataBytes())) {
			mediaType = detect(file, sample.header(0, (int) Math.min(size, HEAD), "the file's head"));
			format = formatOf(mediaType, file);
			SampleFormat claimed = SampleFormat.ofExtension(name);
			if (claimed != null && claimed != format) {
				x.problem(ProblemCode.EXTENSION_MISMATCH, "named as " + claimed + ", content is " + format);
			}
			explicit = read(format, mediaType, file, sample, x);
		}
		catch (SampleException ex) {
			x.problem(ex);
		}
		catch (IOException | RuntimeException ex) {
			x.problem(ProblemCode.DAMAGED, format + ": " + ex.getClass().getSimpleName() + " " + ex.getMessage());
		}
		catch (StackOverflowError ex) {
			// a parser recursing over a hostile structure: this file's report, not the
			// batch's end
			x.problem(ProblemCode.DAMAGED, format + ": structure nested too deeply");
		}
		return evaluate(name, size, mediaType, format, x, explicit);
	}

	/**
	 * Reads a file with its format's reader into the extraction.
	 * @return the explicit label of a text file, else null
	 * @throws SampleException where the reader finds the file damaged: its own error, the
	 * only one it throws for what a file holds besides an {@link IOException}
	 */
	static ExplicitLabel read(SampleFormat format, String mediaType, Path file, SampleFile sample, Extraction x)
			throws SampleException, IOException {
		switch (format) {
			case JPEG -> JpegReader.read(sample, x);
			case PNG -> PngReader.read(sample, x);
			case WEBP, WAV -> RiffReader.read(sample, x, format);
			case MP3 -> Id3Reader.read(sample, x);
			case MP4 -> BmffReader.read(sample, x);
			case PDF -> PdfReader.read(file, sample, x);
			case OOXML -> OoxmlReader.read(file, x);
			case TEXT -> {
				return TextReader.read(sample);
			}
			case ZIP -> x.problem(ProblemCode.UNSUPPORTED_TYPE, "a ZIP archive: its files are checked as a batch");
			default -> x.problem(ProblemCode.UNSUPPORTED_TYPE, "content of type " + mediaType + " is not read");
		}
		return null;
	}

	private SampleReport evaluate(String name, long size, String mediaType, SampleFormat format, Extraction x,
			ExplicitLabel explicit) {
		List<Problem> problems = new ArrayList<>();
		List<FoundLabel> labels = new ArrayList<>();
		Set<JsonNode> distinct = new LinkedHashSet<>();
		boolean misnamed = false;
		for (Extraction.Field field : x.fields()) {
			if (!isLabel(field)) {
				continue;
			}
			JsonNode json = LabelRules.parse(field.value());
			labels.add(new FoundLabel(field.location(), field.standard(), Printable.clip(field.value(), 2000),
					(json != null) ? LabelRules.fields(json) : null));
			if (field.misnamed()) {
				misnamed = true;
				problems.add(Problem.of(ProblemCode.LABEL_KEY_NAME_WRONG,
						field.location() + ": named " + KeyName.shown(field.name()) + ", the standard's name is AIGC"));
			}
			if (json == null) {
				problems.add(Problem.of(ProblemCode.LABEL_NOT_JSON, field.location()));
			}
			else {
				distinct.add(json);
				LabelRules.check(field.location(), json, this.options.viaPlatform(), problems);
			}
		}
		boolean unreadable = x.problems().stream().anyMatch((p) -> p.code().kind() == ProblemCode.Kind.UNREADABLE);
		if (labels.isEmpty() && format.carriesImplicitLabel() && !unreadable) {
			problems.add(Problem.of(ProblemCode.IMPLICIT_LABEL_MISSING, null));
		}
		// a wrong key name in the standard's place is its own defect, not another place
		if (!labels.isEmpty() && !misnamed && labels.stream().noneMatch(FoundLabel::standardPlace)) {
			problems.add(Problem.of(ProblemCode.NON_STANDARD_PLACE,
					String.join(", ", labels.stream().map(FoundLabel::location).toList())));
		}
		if (distinct.size() > 1) {
			problems.add(Problem.of(ProblemCode.LABELS_DISAGREE,
					String.join(", ", labels.stream().map(FoundLabel::location).toList())));
		}
		if (explicit != null && !explicit.found()) {
			problems.add(Problem.of(ProblemCode.EXPLICIT_LABEL_MISSING, null));
		}
		problems.addAll(x.problems());
		List<Problem> ordered = problems.stream()
			.distinct()
			.sorted(Comparator.comparing((Problem p) -> p.code().kind()))
			.toList();
		return new SampleReport(Printable.clip(name, 300), size, mediaType, format, SampleReport.verdictOf(ordered),
				List.copyOf(labels), x.contentCredentials(), explicit, ordered);
	}

	/**
	 * The standard's place always holds a label; elsewhere a field named with AIGC does,
	 * or one whose value is a label's JSON.
	 */
	private static boolean isLabel(Extraction.Field field) {
		return field.standard() || field.misnamed() || KeyName.skeleton(field.name()).contains(KeyName.AIGC)
				|| LabelRules.looksLikeLabel(field.value());
	}

	/** Whether a file is a ZIP archive of samples (not an Office document). */
	public static boolean isArchive(Path file) {
		try {
			byte[] head = head(file, 4);
			return startsWith(head, 0, ZIP_ENTRY) && formatOf(detect(file, head(file, HEAD)), file) == SampleFormat.ZIP;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] ZIP_ENTRY = { 'P', 'K', 3, 4 };

	/** Bytes of a file's start that tell its type (signatures, or text). */
	private static final int HEAD = 8192;

	/**
	 * The media type from the content alone: the name may lie. The formats of most
	 * samples are told by their signature at once; every other file (and plain text) by
	 * Apache Tika's detector, whose thousand patterns cost more than reading a sample's
	 * labels.
	 */
	static String detect(Path file, byte[] head) throws IOException {
		String known = bySignature(head);
		if (known == null && isPlainText(head)) {
			known = "text/plain";
		}
		if (known != null) {
			return known;
		}
		try (TikaInputStream stream = TikaInputStream.get(file)) {
			return Tika.DETECTOR.detect(stream, new Metadata()).getBaseType().toString();
		}
	}

	/** The types Tika gives these signatures, without asking Tika. */
	static String bySignature(byte[] head) {
		if (startsWith(head, 0, JPEG)) {
			return "image/jpeg";
		}
		if (startsWith(head, 0, PNG)) {
			return "image/png";
		}
		if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WEBP")) {
			return "image/webp";
		}
		if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WAVE")) {
			return "audio/vnd.wave";
		}
		if (startsWith(head, 0, "ID3")) {
			return "audio/mpeg";
		}
		if (startsWith(head, 0, "%PDF-")) {
			return "application/pdf";
		}
		if (startsWith(head, 4, "ftyp")) {
			return startsWith(head, 8, "qt  ") ? "video/quicktime"
					: startsWith(head, 8, "M4A ") ? "audio/mp4" : "video/mp4";
		}
		return null;
	}

	/**
	 * Text as Tika tells it, for the common case: the head decodes as UTF-8 (a character
	 * cut at its end aside) with no control characters but tab, line and page breaks, and
	 * does not open like markup or JSON (which Tika names by their own types).
	 */
	static boolean isPlainText(byte[] head) {
		int start = startsWith(head, 0, UTF8_BOM) ? UTF8_BOM.length : 0;
		if (head.length == start) {
			return false;
		}
		CharBuffer text = CharBuffer.allocate(head.length);
		CoderResult result = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(head, start, head.length - start), text, false);
		if (result.isError()) {
			return false;
		}
		text.flip();
		int first = 0;
		while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
			first++;
		}
		if (first == text.length() || "<{[".indexOf(text.charAt(first)) >= 0) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
				return false;
			}
		}
		return true;
	}

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static boolean startsWith(byte[] head, int at, String ascii) {
		return startsWith(head, at, ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
	}

	private static boolean startsWith(byte[] head, int at, byte[] signature) {
		return head.length >= at + signature.length
				&& java.util.Arrays.equals(head, at, at + signature.length, signature, 0, signature.length);
	}

	private static byte[] head(Path file, int length) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(length);
		}
	}

	static SampleFormat formatOf(String mediaType, Path file) {
		return switch (mediaType) {
			case "image/jpeg" -> SampleFormat.JPEG;
			case "image/png" -> SampleFormat.PNG;
			case "image/webp" -> SampleFormat.WEBP;
			case "audio/vnd.wave", "audio/wav", "audio/x-wav" -> SampleFormat.WAV;
			case "audio/mpeg" -> SampleFormat.MP3;
			case "video/mp4", "video/quicktime", "audio/mp4", "video/x-m4v", "application/mp4" -> SampleFormat.MP4;
			case "application/pdf" -> SampleFormat.PDF;
			// the first entry of an Office package is its content types (a damaged one
			// too)
			case "application/x-tika-ooxml" -> SampleFormat.OOXML;
			case "application/zip" -> isOoxml(file) ? SampleFormat.OOXML : SampleFormat.ZIP;
			case "application/octet-stream" -> isChineseText(file) ? SampleFormat.TEXT : SampleFormat.OTHER;
			default -> mediaType.startsWith("text/") ? SampleFormat.TEXT
					: mediaType.startsWith("application/vnd.openxmlformats-officedocument") ? SampleFormat.OOXML
							: SampleFormat.OTHER;
		};
	}

	/**
	 * Tika takes GB18030 text for binary: text it is when its head decodes as GB18030
	 * without control characters.
	 */
	private static boolean isChineseText(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(8192);
			CharBuffer text = CharBuffer.allocate(head.length);
			// not the end of input: a character cut at the end of the head is no error
			CoderResult result = Charset.forName("GB18030")
				.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(head), text, false);
			if (result.isError()) {
				return false;
			}
			text.flip();
			return text.chars().noneMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** A zip with the content-types part of an Office Open XML package. */
	private static boolean isOoxml(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			return zip.getEntry("[Content_Types].xml") != null;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

}
