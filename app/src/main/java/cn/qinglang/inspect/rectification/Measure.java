package cn.qinglang.inspect.rectification;

import java.util.List;

/**
 * A required measure with every version of its evidence, newest last.
 */
record Measure(long id, long orderId, int position, String title, MeasureStatus status, int version,
		List<Submission> submissions) {

	public Submission latest() {
		return this.submissions.isEmpty() ? null : this.submissions.get(this.submissions.size() - 1);
	}

	public boolean awaitsEvidence() {
		return this.status == MeasureStatus.PENDING || this.status == MeasureStatus.RETURNED;
	}

}
