package cn.qinglang.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Percentages over time (0 to 100 on the axis), one line per series; a missing value
 * breaks its line. A dashed mark may stand at one point, e.g. the campaign's start.
 */
public final class LineChart extends Chart {

	private static final long serialVersionUID = 1L;

	private static final Color MARK = new Color(0xB22222);

	private static final int X_LABELS = 8;

	private final ArrayList<String> points;

	private final int markAt;

	private final String markLabel;

	/**
	 * @param points the x axis' labels, e.g. weeks
	 * @param markAt the point marked, or -1
	 */
	public LineChart(List<String> points, List<Series> series, int markAt, String markLabel) {
		super(series);
		this.points = new ArrayList<>(points);
		this.markAt = markAt;
		this.markLabel = markLabel;
		for (Series one : series) {
			if (one.values().size() != points.size()) {
				throw new IllegalArgumentException("Series " + one.name() + " has " + one.values().size()
						+ " values for " + points.size() + " points");
			}
		}
	}

	public List<String> points() {
		return this.points;
	}

	/** A point with no neighbour to draw a line to: it gets a dot. */
	private static boolean isolated(List<Double> values, int i) {
		return (i == 0 || values.get(i - 1) == null) && (i == values.size() - 1 || values.get(i + 1) == null);
	}

	@Override
	void draw(Graphics2D g, Rectangle2D plot) {
		double left = plot.getX() + 28;
		double bottom = plot.getMaxY() - 14;
		double top = plot.getY() + 4;
		double width = plot.getMaxX() - left - 4;
		double height = bottom - top;
		for (int percent = 0; percent <= 100; percent += 25) {
			double y = bottom - height * percent / 100;
			thinLine(g, (percent == 0) ? AXIS : GRID, left, y, left + width, y);
			text(g, percent + "%", left - 3, y, 1f);
		}
		int n = this.points.size();
		if (n == 0) {
			return;
		}
		double step = (n == 1) ? 0 : width / (n - 1);
		int every = Math.max(1, (int) Math.ceil(n / (double) X_LABELS));
		for (int i = 0; i < n; i += every) {
			// the first label starts at its point and one at the right edge ends there,
			// so
			// that neither is cut
			double x = left + i * step;
			double half = g.getFontMetrics().stringWidth(this.points.get(i)) / 2.0;
			float align = (i == 0) ? 0f : (x + half > plot.getMaxX()) ? 1f : 0.5f;
			text(g, this.points.get(i), x, bottom + 8, align);
		}
		if (this.markAt >= 0 && this.markAt < n) {
			double x = left + this.markAt * step;
			g.setColor(MARK);
			g.setStroke(new BasicStroke(0.75f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
					new float[] { 3f, 2f }, 0f));
			g.draw(new Line2D.Double(x, top, x, bottom));
			if (this.markLabel != null) {
				text(g, this.markLabel, x + 3, top + 4, 0f);
			}
		}
		for (int s = 0; s < series().size(); s++) {
			g.setColor(color(s));
			g.setStroke(new BasicStroke(1.2f));
			Path2D.Double line = new Path2D.Double();
			boolean drawing = false;
			List<Double> values = series().get(s).values();
			for (int i = 0; i < n; i++) {
				Double value = values.get(i);
				if (value == null) {
					drawing = false;
					continue;
				}
				double x = left + i * step;
				double y = bottom - height * Math.max(0, Math.min(100, value)) / 100;
				if (drawing) {
					line.lineTo(x, y);
				}
				else {
					line.moveTo(x, y);
					drawing = true;
				}
				if (isolated(values, i)) {
					g.fill(new Ellipse2D.Double(x - 1.5, y - 1.5, 3, 3));
				}
			}
			g.draw(line);
		}
	}

}
