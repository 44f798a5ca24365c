package cn.qinglang.inspect.rectification;

import java.util.Map;
import java.util.Set;

import cn.qinglang.inspect.system.RuleViolation;

/**
 * A required measure: pending until evidence is submitted, then accepted or returned by
 * the inspector; a returned measure is submitted again as a new version.
 */
public enum MeasureStatus {

	PENDING, SUBMITTED, ACCEPTED, RETURNED;

	private static final Map<MeasureStatus, Set<MeasureStatus>> NEXT = Map.of(PENDING, Set.of(SUBMITTED), SUBMITTED,
			Set.of(ACCEPTED, RETURNED), RETURNED, Set.of(SUBMITTED), ACCEPTED, Set.of());

	public boolean canMoveTo(MeasureStatus next) {
		return NEXT.get(this).contains(next);
	}

	public void checkMoveTo(MeasureStatus next) {
		if (!canMoveTo(next)) {
			throw new RuleViolation("measure.transition", this, next);
		}
	}

}
