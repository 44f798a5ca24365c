package cn.qinglang.inspect.dashboard;

import java.math.BigDecimal;

import cn.qinglang.batch.records.PlatformInterface.EnforcementActor;
import cn.qinglang.batch.records.PlatformInterface.EnforcementType;

/** Enforcement actions of one type in the period: records, their counts, and fines. */
record ActionRow(EnforcementType type, long records, long items, BigDecimal amount) {

	public EnforcementActor actor() {
		return this.type.actor();
	}

}
