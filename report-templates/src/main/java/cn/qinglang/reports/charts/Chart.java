package cn.qinglang.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * A chart with a legend on top and a plot below it, drawn into the area the template's
 * image element gives it.
 */
public abstract sealed class Chart extends AbstractRenderer implements Graphics2DRenderable
		permits BarChart, LineChart {

	private static final long serialVersionUID = 1L;

	/** The series' colours, in order: the portal's blue first. */
	static final Color[] PALETTE = { new Color(0x1F3A5F), new Color(0xC0392B), new Color(0x2E86AB), new Color(0xE1A100),
			new Color(0x5B8C5A) };

	static final Color AXIS = new Color(0x999999);

	static final Color GRID = new Color(0xE3E3E3);

	static final Color TEXT = new Color(0x333333);

	static final float TEXT_SIZE = 7.5f;

	private final ArrayList<Series> series;

	Chart(List<Series> series) {
		this.series = new ArrayList<>(series);
	}

	public List<Series> series() {
		return this.series;
	}

	@Override
	public void render(JasperReportsContext context, Graphics2D graphics, Rectangle2D area) {
		Graphics2D g = (Graphics2D) graphics.create();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setFont(ChartFont.of(TEXT_SIZE));
			double legend = legend(g, area);
			draw(g, new Rectangle2D.Double(area.getX(), area.getY() + legend, area.getWidth(),
					area.getHeight() - legend));
		}
		finally {
			g.dispose();
		}
	}

	/** Draws the plot into the area below the legend. */
	abstract void draw(Graphics2D g, Rectangle2D plot);

	/** One swatch and name per series, in a row; its height. */
	private double legend(Graphics2D g, Rectangle2D area) {
		if (this.series.size() < 2) {
			return 0;
		}
		FontMetrics metrics = g.getFontMetrics();
		double x = area.getX();
		double y = area.getY() + 2;
		for (int i = 0; i < this.series.size(); i++) {
			g.setColor(color(i));
			g.fill(new Rectangle2D.Double(x, y + 1, 8, 8));
			g.setColor(TEXT);
			String name = this.series.get(i).name();
			g.drawString(name, (float) (x + 11), (float) (y + 8));
			x += 11 + metrics.stringWidth(name) + 14;
		}
		return 16;
	}

	static Color color(int index) {
		return PALETTE[index % PALETTE.length];
	}

	static void text(Graphics2D g, String text, double x, double y, float alignX) {
		FontMetrics metrics = g.getFontMetrics();
		g.setColor(TEXT);
		g.drawString(text, (float) (x - metrics.stringWidth(text) * alignX),
				(float) (y + metrics.getAscent() / 2.0 - 1));
	}

	static void thinLine(Graphics2D g, Color color, double x1, double y1, double x2, double y2) {
		g.setColor(color);
		g.setStroke(new BasicStroke(0.5f));
		g.draw(new Line2D.Double(x1, y1, x2, y2));
	}

	/** A text cut to a width, with an ellipsis. */
	static String fit(Graphics2D g, String text, double width) {
		FontMetrics metrics = g.getFontMetrics();
		if (metrics.stringWidth(text) <= width) {
			return text;
		}
		String cut = text;
		while (cut.length() > 1 && metrics.stringWidth(cut + "…") > width) {
			cut = cut.substring(0, cut.length() - 1);
		}
		return cut + "…";
	}

}
