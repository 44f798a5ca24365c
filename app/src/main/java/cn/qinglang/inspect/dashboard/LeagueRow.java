package cn.qinglang.inspect.dashboard;

import java.util.List;

/**
 * An enterprise in the league table.
 *
 * @param rank 1 for the best score; 0 when it has no score
 * @param trend the score week by week over the period, null for a week without data
 * @param laggard whether the score is below the configured threshold
 * @param sparkline the trend as the points of an SVG polyline, see {@link #sparklineOf}
 */
record LeagueRow(int rank, EnterpriseInfo enterprise, Figures figures, Double score, List<Double> trend,
		boolean laggard, String sparkline) {

	LeagueRow(int rank, EnterpriseInfo enterprise, Figures figures, Double score, List<Double> trend, boolean laggard) {
		this(rank, enterprise, figures, score, trend, laggard, sparklineOf(trend));
	}

	/**
	 * A trend as the points of an SVG polyline in a 100 × 20 box (scores 0 to 100 from
	 * bottom to top), one decimal; weeks without data are left out. Computed once with
	 * the cached view: a page has one per enterprise.
	 */
	static String sparklineOf(List<Double> trend) {
		StringBuilder points = new StringBuilder();
		int weeks = trend.size();
		for (int i = 0; i < weeks; i++) {
			Double value = trend.get(i);
			if (value != null) {
				double x = (weeks == 1) ? 50 : 100.0 * i / (weeks - 1);
				double y = 20 - value / 5;
				points.append((points.length() > 0) ? " " : "")
					.append(Math.round(x * 10) / 10.0)
					.append(',')
					.append(Math.round(y * 10) / 10.0);
			}
		}
		return points.toString();
	}

}
