package cn.qinglang.reports.charts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The reports' embedded CJK font for Java2D: the labels of a chart are drawn as shapes,
 * so they need the glyphs on the machine that renders, not on the reader's.
 */
final class ChartFont {

	private static final String RESOURCE = "/fonts/wqy-microhei.ttf";

	private static final Font BASE = load();

	private ChartFont() {
	}

	static Font of(float size) {
		return BASE.deriveFont(size);
	}

	private static Font load() {
		try (InputStream in = ChartFont.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath");
			}
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (IOException | FontFormatException ex) {
			throw new IllegalStateException("The chart font " + RESOURCE + " cannot be read", ex);
		}
	}

}
