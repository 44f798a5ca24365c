package cn.qinglang.inspect.report;

import java.awt.Color;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.base.JRBasePrintText;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.type.HorizontalTextAlignEnum;
import net.sf.jasperreports.engine.type.ModeEnum;
import net.sf.jasperreports.engine.type.VerticalTextAlignEnum;
import net.sf.jasperreports.engine.util.JRSwapFile;

import org.springframework.stereotype.Component;

import cn.qinglang.reports.ReportTemplates;

/**
 * Fills a compiled template and exports it. Pages beyond {@code pagesInMemory} are
 * swapped to a temporary file while filling and exporting; a PDF gets the watermark on
 * every page, whatever its template, since it is added to the filled pages rather than
 * designed in.
 */
@Component
public class ReportRenderer {

	/** The parameters every template may use besides its own. */
	public static final String EXPORTED_BY = "exportedBy";

	public static final String EXPORTED_AT = "exportedAt";

	/** The embedded CJK family, so that the watermark shows Chinese names. */
	static final String FONT = "WenQuanYi Micro Hei";

	private static final Color WATERMARK_COLOR = new Color(0x80, 0x80, 0x80, 0x40);

	private static final float WATERMARK_SIZE = 20f;

	private final ReportTemplates templates = new ReportTemplates();

	private final ReportProperties properties;

	public ReportRenderer(ReportProperties properties) {
		this.properties = properties;
	}

	public void render(ReportDocument document, ReportFormat format, Watermark watermark, OutputStream out)
			throws JRException {
		// JasperReports writes into the map: it must be mutable
		Map<String, Object> parameters = new HashMap<>(document.parameters());
		parameters.put(EXPORTED_BY, watermark.viewer());
		parameters.put(EXPORTED_AT, watermark.exportedAt());
		parameters.putIfAbsent(JRParameter.REPORT_LOCALE, Locale.SIMPLIFIED_CHINESE);
		JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(this.properties.pagesInMemory(),
				new JRSwapFile(Path.of(System.getProperty("java.io.tmpdir")).toString(), 4096, 64), true);
		parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
		try {
			JasperPrint print = JasperFillManager.fillReport(this.templates.get(document.template()), parameters,
					document.rows());
			if (format == ReportFormat.PDF) {
				stamp(print, watermark.text());
			}
			virtualizer.setReadOnly(true);
			format.export(print, out);
		}
		finally {
			virtualizer.cleanup();
		}
	}

	/**
	 * Three light lines across each page, drawn last so that no opaque cell hides them
	 * and translucent so that the text under them stays legible.
	 */
	private static void stamp(JasperPrint print, String text) {
		int width = print.getPageWidth();
		int height = print.getPageHeight();
		int lineHeight = Math.round(WATERMARK_SIZE * 1.6f);
		for (JRPrintPage page : print.getPages()) {
			for (int i = 1; i <= 3; i++) {
				JRBasePrintText mark = new JRBasePrintText(print.getDefaultStyleProvider());
				mark.setX(0);
				mark.setY(height * i / 4 - lineHeight / 2);
				mark.setWidth(width);
				mark.setHeight(lineHeight);
				mark.setMode(ModeEnum.TRANSPARENT);
				mark.setForecolor(WATERMARK_COLOR);
				mark.setFontName(FONT);
				mark.setFontSize(WATERMARK_SIZE);
				mark.setHorizontalTextAlign(HorizontalTextAlignEnum.CENTER);
				mark.setVerticalTextAlign(VerticalTextAlignEnum.MIDDLE);
				mark.setLineSpacingFactor(1.0f);
				mark.setLeadingOffset(-WATERMARK_SIZE * 0.2f);
				mark.setTextHeight(WATERMARK_SIZE * 1.3f);
				mark.setText(text);
				page.addElement(mark);
			}
		}
	}

}
