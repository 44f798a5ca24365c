package cn.qinglang.inspect.dashboard;

import java.time.LocalDate;

/** A week's label rates (null: nothing published) and complaint volumes. */
record WeekPoint(LocalDate week, Double explicitRate, Double implicitRate, Double verificationRate,
		long complaintsReceived, long complaintsHandled) {
}
