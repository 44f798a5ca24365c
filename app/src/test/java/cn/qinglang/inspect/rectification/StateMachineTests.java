package cn.qinglang.inspect.rectification;

import org.junit.jupiter.api.Test;

import cn.qinglang.inspect.system.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateMachineTests {

	@Test
	void measureGoesFromPendingToSubmittedToAcceptedOrReturned() {
		assertThat(MeasureStatus.PENDING.canMoveTo(MeasureStatus.SUBMITTED)).isTrue();
		assertThat(MeasureStatus.SUBMITTED.canMoveTo(MeasureStatus.ACCEPTED)).isTrue();
		assertThat(MeasureStatus.SUBMITTED.canMoveTo(MeasureStatus.RETURNED)).isTrue();
		assertThat(MeasureStatus.RETURNED.canMoveTo(MeasureStatus.SUBMITTED)).isTrue();
	}

	@Test
	void acceptedMeasureIsFinal() {
		for (MeasureStatus next : MeasureStatus.values()) {
			assertThat(MeasureStatus.ACCEPTED.canMoveTo(next)).as("ACCEPTED -> %s", next).isFalse();
		}
	}

	@Test
	void pendingMeasureCannotBeReviewed() {
		assertThatThrownBy(() -> MeasureStatus.PENDING.checkMoveTo(MeasureStatus.ACCEPTED))
			.isInstanceOf(RuleViolation.class)
			.hasMessage("measure.transition");
	}

	@Test
	void submittedMeasureCannotBeSubmittedAgainBeforeReview() {
		assertThatThrownBy(() -> MeasureStatus.SUBMITTED.checkMoveTo(MeasureStatus.SUBMITTED))
			.isInstanceOf(RuleViolation.class);
	}

	@Test
	void orderClosesOnlyFromRectificationAndNeverReopens() {
		OrderStatus.ISSUED.checkMoveTo(OrderStatus.IN_RECTIFICATION);
		OrderStatus.IN_RECTIFICATION.checkMoveTo(OrderStatus.CLOSED);
		assertThatThrownBy(() -> OrderStatus.ISSUED.checkMoveTo(OrderStatus.CLOSED)).isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> OrderStatus.CLOSED.checkMoveTo(OrderStatus.IN_RECTIFICATION))
			.isInstanceOf(RuleViolation.class)
			.satisfies((ex) -> assertThat(((RuleViolation) ex).arguments()).containsExactly(OrderStatus.CLOSED,
					OrderStatus.IN_RECTIFICATION));
	}

}
