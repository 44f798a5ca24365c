package cn.qinglang.reports.charts;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Horizontal bars, one row per category (Chinese category names read better across than
 * under a column), the series side by side or stacked, each row ending with its total.
 */
public final class BarChart extends Chart {

	private static final long serialVersionUID = 1L;

	private final ArrayList<String> categories;

	private final boolean stacked;

	public BarChart(List<String> categories, List<Series> series, boolean stacked) {
		super(series);
		this.categories = new ArrayList<>(categories);
		this.stacked = stacked;
		for (Series one : series) {
			if (one.values().size() != categories.size()) {
				throw new IllegalArgumentException("Series " + one.name() + " has " + one.values().size()
						+ " values for " + categories.size() + " categories");
			}
		}
	}

	public List<String> categories() {
		return this.categories;
	}

	/** The longest bar's value: a category's total when stacked. */
	double maximum() {
		double max = 0;
		for (int c = 0; c < this.categories.size(); c++) {
			double total = 0;
			for (Series one : series()) {
				double value = value(one, c);
				total = this.stacked ? total + value : Math.max(total, value);
			}
			max = Math.max(max, total);
		}
		return max;
	}

	@Override
	void draw(Graphics2D g, Rectangle2D plot) {
		int rows = this.categories.size();
		if (rows == 0) {
			return;
		}
		FontMetrics metrics = g.getFontMetrics();
		double labelWidth = plot.getWidth() * 0.32;
		double totalWidth = metrics.stringWidth(format(maximum())) + 6;
		double x0 = plot.getX() + labelWidth;
		double barsWidth = plot.getWidth() - labelWidth - totalWidth;
		double max = Math.max(maximum(), 1);
		double rowHeight = plot.getHeight() / rows;
		int bars = this.stacked ? 1 : series().size();
		double barHeight = Math.min(rowHeight * 0.7 / bars, 16);
		thinLine(g, AXIS, x0, plot.getY(), x0, plot.getMaxY());
		for (int c = 0; c < rows; c++) {
			double rowTop = plot.getY() + c * rowHeight;
			double middle = rowTop + rowHeight / 2;
			text(g, fit(g, this.categories.get(c), labelWidth - 6), x0 - 4, middle, 1f);
			double top = middle - barHeight * bars / 2;
			double x = x0;
			double total = 0;
			for (int s = 0; s < series().size(); s++) {
				double value = value(series().get(s), c);
				double width = barsWidth * value / max;
				g.setColor(color(s));
				if (this.stacked) {
					g.fill(new Rectangle2D.Double(x, top, width, barHeight));
					x += width;
					total += value;
				}
				else {
					g.fill(new Rectangle2D.Double(x0, top + s * barHeight, width, barHeight * 0.9));
					x = Math.max(x, x0 + width);
					total = Math.max(total, value);
				}
			}
			text(g, format(total), x + 3, middle, 0f);
		}
	}

	private static double value(Series series, int index) {
		Double value = series.values().get(index);
		return (value != null) ? value : 0;
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%,d", Math.round(value));
	}

}
