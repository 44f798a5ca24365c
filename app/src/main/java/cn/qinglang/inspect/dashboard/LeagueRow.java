package cn.qinglang.inspect.dashboard;

import java.util.List;

/**
 * An enterprise in the league table.
 *
 * @param rank 1 for the best score; 0 when it has no score
 * @param trend the score week by week over the period, null for a week without data
 * @param laggard whether the score is below the configured threshold
 */
public record LeagueRow(int rank, EnterpriseInfo enterprise, Figures figures, Double score, List<Double> trend,
		boolean laggard) {

	/**
	 * The trend as the points of an SVG polyline in a 100 × 20 box (scores 0 to 100 from
	 * bottom to top); weeks without data are left out.
	 */
	public String sparkline() {
		StringBuilder points = new StringBuilder();
		int weeks = this.trend.size();
		for (int i = 0; i < weeks; i++) {
			Double value = this.trend.get(i);
			if (value != null) {
				double x = (weeks == 1) ? 50 : 100.0 * i / (weeks - 1);
				double y = 20 - value / 5;
				points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
			}
		}
		return points.toString().trim();
	}

}
