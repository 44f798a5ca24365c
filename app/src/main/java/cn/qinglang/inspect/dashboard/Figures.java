package cn.qinglang.inspect.dashboard;

import java.math.BigDecimal;
import java.util.Map;

import cn.qinglang.batch.aggregate.HandlingBuckets;
import cn.qinglang.batch.records.PlatformInterface.EnforcementActor;
import cn.qinglang.batch.records.PlatformInterface.EnforcementType;

/**
 * A period's sums and the KPIs computed from them. A rate whose denominator is zero is
 * null ("no data"), never zero: an enterprise that published nothing has not labelled
 * nothing.
 *
 * @param metrics sums of the labeling metrics
 * @param complaints sums of the complaints, with the handling-time buckets
 * @param actions sums of the enforcement actions by action type
 * @param limitHours the handling time limit, one of the bucket bounds
 */
record Figures(Sums metrics, Sums complaints, Map<String, Sums> actions, int limitHours) {

	public long published() {
		return this.metrics.get("published");
	}

	public Double explicitRate() {
		return ratio(this.metrics.get("explicit_labeled"), published());
	}

	public Double implicitRate() {
		return ratio(this.metrics.get("implicit_labeled"), published());
	}

	public Double verificationRate() {
		return ratio(this.metrics.get("verified"), published());
	}

	/** Share of AI items that only the platform's own detection caught. */
	public Double detectedShare() {
		return ratio(this.metrics.get("platform_detected"), published());
	}

	public long appealsFiled() {
		return this.metrics.get("appeals_filed");
	}

	public Double appealsUpheldRate() {
		return ratio(this.metrics.get("appeals_upheld"), appealsFiled());
	}

	public long tampering() {
		return this.metrics.get("tampering_detected");
	}

	public long complaintsReceived() {
		return this.complaints.get("received");
	}

	public long complaintsHandled() {
		return this.complaints.get("handled");
	}

	public Double medianHandlingHours() {
		return HandlingBuckets.quantileHours(buckets(), 0.5);
	}

	public Double p90HandlingHours() {
		return HandlingBuckets.quantileHours(buckets(), 0.9);
	}

	/**
	 * Share of the complaints received in the period that were handled within the limit;
	 * one still open counts against it.
	 */
	public Double handledInTimeShare() {
		return ratio(HandlingBuckets.withinHours(buckets(), this.limitHours), complaintsReceived());
	}

	public long actionItems() {
		return this.actions.values().stream().mapToLong((sums) -> sums.get("items")).sum();
	}

	public long actionItems(EnforcementActor actor) {
		return this.actions.entrySet()
			.stream()
			.filter((entry) -> EnforcementType.valueOf(entry.getKey()).actor() == actor)
			.mapToLong((entry) -> entry.getValue().get("items"))
			.sum();
	}

	public BigDecimal fines() {
		return this.actions.values()
			.stream()
			.map((sums) -> sums.amount("amount"))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * The compliance score, 0 to 100, documented on the dashboard page and in the README:
	 * 40 × explicit-label rate + 30 × implicit-label rate + 15 × verification rate + 15 ×
	 * share of complaints handled in time (full marks when there were no complaints).
	 * Null when nothing was published: there is nothing to score.
	 */
	public Double score() {
		if (published() == 0) {
			return null;
		}
		Double inTime = handledInTimeShare();
		return 40 * explicitRate() + 30 * implicitRate() + 15 * verificationRate()
				+ 15 * ((inTime != null) ? inTime : 1.0);
	}

	private long[] buckets() {
		return this.complaints.counts(HandlingBuckets.columns());
	}

	static Double ratio(long part, long whole) {
		return (whole == 0) ? null : (double) part / whole;
	}

}
