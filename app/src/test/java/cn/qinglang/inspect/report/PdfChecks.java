package cn.qinglang.inspect.report;

import java.io.IOException;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the report tests read from a PDF with PDFBox: one page's text, and whether every
 * font of every page is embedded.
 */
final class PdfChecks {

	private PdfChecks() {
	}

	/** The text of a page, counted from 1. */
	static String pageText(PDDocument document, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document);
	}

	static void assertEveryFontEmbedded(PDDocument document) throws IOException {
		for (int page = 0; page < document.getNumberOfPages(); page++) {
			PDResources resources = document.getPage(page).getResources();
			assertThat(resources.getFontNames()).as("fonts of page %d", page + 1).isNotEmpty();
			for (COSName name : resources.getFontNames()) {
				assertThat(resources.getFont(name).isEmbedded()).as(resources.getFont(name).getName()).isTrue();
			}
		}
	}

}
