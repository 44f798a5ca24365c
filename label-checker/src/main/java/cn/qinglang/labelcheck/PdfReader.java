package cn.qinglang.labelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * PDF, read with Apache PDFBox: the document information dictionary (key {@code AIGC})
 * and the XMP metadata stream (the TC260 namespace) are the standard's places; a C2PA
 * manifest store is an associated file of type {@code application/c2pa}.
 */
final class PdfReader {

	private static final COSName AF = COSName.getPDFName("AF");

	private PdfReader() {
	}

	static void read(Path path, SampleFile file, Extraction x) throws IOException, SampleException {
		if (Jumbf.indexOf(file.tail(2048), "%%EOF".getBytes(StandardCharsets.US_ASCII), 0, 2048) < 0) {
			x.problem(ProblemCode.DAMAGED, "PDF has no %%EOF at its end (truncated)");
		}
		try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(path.toFile()))) {
			COSDictionary info = document.getDocumentInformation().getCOSObject();
			for (COSName key : info.keySet()) {
				String value = info.getString(key);
				String location = "PDF Info /" + Printable.clip(key.getName(), 60);
				x.named("PDF Info /" + KeyName.shown(Printable.clip(key.getName(), 60)), key.getName(), value);
			}
			COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
			try {
				if (catalog.getDictionaryObject(COSName.METADATA) instanceof COSStream metadata) {
					x.xmp("PDF", bounded(metadata, x, "PDF XMP metadata stream"));
				}
				if (catalog.getDictionaryObject(AF) instanceof COSArray files) {
					for (COSBase entry : files) {
						associatedFile(entry, x);
					}
				}
			}
			catch (SampleException ex) {
				x.problem(ex);
			}
		}
		catch (InvalidPasswordException ex) {
			throw new SampleException(ProblemCode.ENCRYPTED, "PDF needs a password to be read");
		}
		catch (IOException ex) {
			throw SampleException.damaged("PDF: " + ex.getMessage());
		}
	}

	private static void associatedFile(COSBase entry, Extraction x) throws IOException, SampleException {
		if (entry instanceof org.apache.pdfbox.cos.COSObject reference) {
			entry = reference.getObject();
		}
		if (entry instanceof COSDictionary spec && spec.getDictionaryObject(COSName.EF) instanceof COSDictionary ef
				&& ef.getDictionaryObject(COSName.F) instanceof COSStream stream) {
			String subtype = stream.getNameAsString(COSName.SUBTYPE);
			String relationship = spec.getNameAsString(COSName.getPDFName("AFRelationship"));
			if ("application/c2pa".equals(subtype) || "C2PA_Manifest".equals(relationship)) {
				x.jumbf("PDF associated file", bounded(stream, x, "PDF C2PA stream"));
			}
		}
	}

	/**
	 * A stream's decoded bytes, up to the metadata limit: a compressed bomb stops there.
	 */
	private static byte[] bounded(COSStream stream, Extraction x, String what) throws IOException, SampleException {
		int limit = x.options().maxMetadataBytes();
		try (InputStream in = new LimitedInputStream(stream.createInputStream(), limit)) {
			return in.readAllBytes();
		}
		catch (LimitedInputStream.LimitExceededException ex) {
			throw new SampleException(ProblemCode.METADATA_TOO_LARGE, what + " decodes to over " + limit + " bytes");
		}
	}

}
