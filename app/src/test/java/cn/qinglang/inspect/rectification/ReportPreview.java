package cn.qinglang.inspect.rectification;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import cn.qinglang.inspect.report.ReportFormat;
import cn.qinglang.inspect.report.Watermark;

/**
 * Renders the first pages of the sample rectification report as the README's pictures:
 * {@code java … ReportPreview docs} writes {@code rectification-report-1.png} (the cover)
 * and {@code rectification-report-2.png}.
 */
public final class ReportPreview {

	private ReportPreview() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of((args.length > 0) ? args[0] : "docs");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		SampleReports.renderer()
			.render(SampleReports.layout().document(SampleReports.data(3, 6), LocalDate.of(2026, 6, 20)),
					ReportFormat.PDF, new Watermark("王检查（inspector）", "2026-06-20 09:30"), out);
		try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
			PDFRenderer renderer = new PDFRenderer(pdf);
			for (int page = 0; page < 2; page++) {
				BufferedImage image = renderer.renderImageWithDPI(page, 80);
				Path file = dir.resolve("rectification-report-" + (page + 1) + ".png");
				Files.createDirectories(dir);
				ImageIO.write(image, "png", file.toFile());
				System.out.println("Wrote " + file);
			}
		}
	}

}
