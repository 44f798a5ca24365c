package cn.qinglang.inspect.dashboard;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An enterprise against its peers of the same kind, as aggregates only: how many peers,
 * the peers' mean of each KPI (each enterprise with data counting once), and the
 * enterprise's rank and percentile by score. Names no peer.
 *
 * @param rank 1 for the best score, 0 when the enterprise has no score
 * @param percentile share of scored peers with a lower score, 0 to 100, or null
 */
record PeerComparison(int peers, int scoredPeers, Integer rank, Double percentile, Double meanScore,
		Double meanExplicitRate, Double meanImplicitRate, Double meanVerificationRate, Double meanHandledInTime) {

	static PeerComparison of(long enterpriseId, Figures own, List<LeagueRow> league) {
		List<LeagueRow> scored = league.stream().filter((row) -> row.score() != null).toList();
		Double score = own.score();
		Integer rank = null;
		Double percentile = null;
		if (score != null) {
			long better = scored.stream()
				.filter((row) -> row.enterprise().id() != enterpriseId && row.score() > score)
				.count();
			long worse = scored.stream()
				.filter((row) -> row.enterprise().id() != enterpriseId && row.score() < score)
				.count();
			rank = (int) better + 1;
			int others = scored.size()
					- (scored.stream().anyMatch((row) -> row.enterprise().id() == enterpriseId) ? 1 : 0);
			percentile = (others == 0) ? null : 100.0 * worse / others;
		}
		return new PeerComparison(league.size(), scored.size(), rank, percentile, mean(league, LeagueRow::score),
				mean(league, (row) -> row.figures().explicitRate()),
				mean(league, (row) -> row.figures().implicitRate()),
				mean(league, (row) -> row.figures().verificationRate()),
				mean(league, (row) -> row.figures().handledInTimeShare()));
	}

	private static Double mean(List<LeagueRow> rows, Function<LeagueRow, Double> value) {
		List<Double> values = rows.stream().map(value).filter(Objects::nonNull).toList();
		return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
	}

}
