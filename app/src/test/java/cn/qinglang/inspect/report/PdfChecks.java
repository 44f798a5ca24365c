package cn.qinglang.inspect.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the report tests read from a PDF with PDFBox: one page's text, the colours a
 * rendered page shows, and whether every font of every page is embedded.
 */
public final class PdfChecks {

	private PdfChecks() {
	}

	/** The text of a page, counted from 1. */
	public static String pageText(PDDocument document, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document);
	}

	/** The page (counted from 1) whose text contains the given text, or 0. */
	public static int pageWith(PDDocument document, String text) throws IOException {
		for (int page = 1; page <= document.getNumberOfPages(); page++) {
			if (pageText(document, page).contains(text)) {
				return page;
			}
		}
		return 0;
	}

	/**
	 * Pixels of about the colour on a page rendered at 72 dpi: the charts are vector
	 * drawings, seen only once rendered.
	 */
	public static int pixelsOf(PDDocument document, int page, Color color) throws IOException {
		BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, 72);
		int count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				Color pixel = new Color(image.getRGB(x, y));
				int distance = Math.abs(pixel.getRed() - color.getRed()) + Math.abs(pixel.getGreen() - color.getGreen())
						+ Math.abs(pixel.getBlue() - color.getBlue());
				count += (distance < 60) ? 1 : 0;
			}
		}
		return count;
	}

	public static void assertEveryFontEmbedded(PDDocument document) throws IOException {
		for (int page = 0; page < document.getNumberOfPages(); page++) {
			PDResources resources = document.getPage(page).getResources();
			assertThat(resources.getFontNames()).as("fonts of page %d", page + 1).isNotEmpty();
			for (COSName name : resources.getFontNames()) {
				assertThat(resources.getFont(name).isEmbedded()).as(resources.getFont(name).getName()).isTrue();
			}
		}
	}

}
