package cn.qinglang.inspect.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A jurisdiction's enterprises in the period: how many, how many have data, their mean
 * score and how many lag.
 */
record JurisdictionRow(String code, String nameZh, String nameEn, int enterprises, int scored, Double meanScore,
		int laggards) {

	static JurisdictionRow of(List<LeagueRow> rows) {
		EnterpriseInfo first = rows.get(0).enterprise();
		List<Double> scores = rows.stream().map(LeagueRow::score).filter(Objects::nonNull).toList();
		Double mean = scores.isEmpty() ? null
				: scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		return new JurisdictionRow(first.jurisdictionCode(), first.jurisdictionZh(), first.jurisdictionEn(),
				rows.size(), scores.size(), mean, (int) rows.stream().filter(LeagueRow::laggard).count());
	}

	public String name(Locale locale) {
		return cn.qinglang.inspect.system.Bilingual.pick(locale, this.nameZh, this.nameEn);
	}

	/** A band of the mean score, for the cell's colour: none, low, mid or high. */
	public String band() {
		if (this.meanScore == null) {
			return "none";
		}
		return (this.meanScore < 60) ? "low" : (this.meanScore < 80) ? "mid" : "high";
	}

}
