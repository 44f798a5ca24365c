package cn.qinglang.batch.feed;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import cn.qinglang.batch.aggregate.DashboardAggregates;

/**
 * Brings the dashboards' aggregates up to date for the days this run touched, and only
 * those, in the step's one transaction.
 */
class DailyAggregation implements Tasklet {

	private final DashboardAggregates aggregates;

	private final long runId;

	private final long enterpriseId;

	DailyAggregation(DashboardAggregates aggregates, long runId, long enterpriseId) {
		this.aggregates = aggregates;
		this.runId = runId;
		this.enterpriseId = enterpriseId;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		this.aggregates.refreshRun(this.runId, this.enterpriseId);
		return RepeatStatus.FINISHED;
	}

}
