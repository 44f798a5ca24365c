package cn.qinglang.batch.feed;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

import cn.qinglang.batch.aggregate.DashboardAggregates;
import cn.qinglang.batch.records.RecordType;

/**
 * The feed import job: one chunk-oriented step that reads a pulled feed or an uploaded
 * file, validates every record and stores the good ones and the reasons for the bad ones,
 * then a step that brings the daily aggregates up to date for the days the run touched.
 * One job instance per run (its id the identifying parameter); a restart goes on where it
 * failed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedJobProperties.class)
public class FeedJobConfiguration {

	/** The job's name in the JobRepository. */
	public static final String JOB_NAME = "feedImportJob";

	private static final JsonMapper JSON = JsonRecords.mapper();

	@Bean
	Job feedImportJob(JobRepository repository, Step feedImportStep, Step feedAggregateStep, JdbcClient jdbc,
			FeedNode feedNode, RunUploads runUploads) {
		return new JobBuilder(JOB_NAME, repository).listener(new FeedRunListener(jdbc, feedNode, runUploads))
			.start(feedImportStep)
			.next(feedAggregateStep)
			.build();
	}

	@Bean
	Step feedImportStep(JobRepository repository, PlatformTransactionManager transactionManager,
			ItemStreamReader<RawRecord> feedReader, RecordValidator feedValidator, FeedItemWriter feedWriter,
			FeedJobProperties properties) {
		return new StepBuilder("feedImportStep", repository).<RawRecord, FeedItem>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(feedReader)
			.processor(feedValidator)
			.writer(feedWriter)
			.build();
	}

	@Bean
	Step feedAggregateStep(JobRepository repository, PlatformTransactionManager transactionManager,
			Tasklet feedAggregation) {
		// read committed: the day rows are computed from the records as a consistent
		// read; under repeatable read INSERT ... SELECT locks each record it reads,
		// with a table scan (many days touched) every enterprise's, and the other
		// feeds' writes would wait for the aggregation
		DefaultTransactionAttribute readCommitted = new DefaultTransactionAttribute();
		readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		return new StepBuilder("feedAggregateStep", repository).tasklet(feedAggregation, transactionManager)
			.transactionAttribute(readCommitted)
			.allowStartIfComplete(false)
			.build();
	}

	@Bean
	@StepScope
	ItemStreamReader<RawRecord> feedReader(@Value("#{jobParameters['runId']}") Long runId,
			@Value("#{jobParameters['csvType']}") String csvType, FeedRuns feedRuns, RunUploads runUploads,
			PlatformClient platformClient, TokenCipher feedTokenCipher, FeedJobProperties properties, JdbcClient jdbc) {
		RunContext run = feedRuns.context(runId).orElseThrow();
		if (run.source() == FeedSource.UPLOAD) {
			return new UploadCopyReader(runUploads, runId, (csvType != null) ? RecordType.valueOf(csvType) : null,
					JSON);
		}
		if (run.baseUrl() == null || run.tokenCiphertext() == null) {
			throw new FeedException("the feed has no base URL or token configured");
		}
		PlatformClient client = (run.cursor() == null && run.since() != null) ? platformClient.since(run.since())
				: platformClient;
		return new PlatformPullReader(client, run.baseUrl(), feedTokenCipher.decrypt(run.tokenCiphertext()),
				run.cursor(), properties.pageSize(),
				(total) -> jdbc.sql("UPDATE feed_run SET expected_count = :total WHERE id = :id")
					.param("total", total)
					.param("id", runId)
					.update());
	}

	@Bean
	@StepScope
	RecordValidator feedValidator(@Value("#{jobParameters['runId']}") Long runId, FeedRuns feedRuns, Clock clock) {
		RunContext run = feedRuns.context(runId).orElseThrow();
		return new RecordValidator(run.creditCode(), null, clock);
	}

	@Bean
	@StepScope
	FeedItemWriter feedWriter(@Value("#{jobParameters['runId']}") Long runId, FeedRuns feedRuns, JdbcTemplate jdbc) {
		RunContext run = feedRuns.context(runId).orElseThrow();
		return new FeedItemWriter(jdbc, runId, run.feedId(), run.enterpriseId(), feedRuns.node());
	}

	@Bean
	@StepScope
	Tasklet feedAggregation(@Value("#{jobParameters['runId']}") Long runId, FeedRuns feedRuns,
			DashboardAggregates dashboardAggregates) {
		return dashboardAggregates.refreshRunStep(runId, feedRuns.context(runId).orElseThrow().enterpriseId());
	}

	@Bean
	DashboardAggregates dashboardAggregates(JdbcClient jdbc) {
		return new DashboardAggregates(jdbc);
	}

	@Bean
	FeedRuns feedRuns(JdbcClient jdbc, JobOperator jobOperator, JobRepository repository, Job feedImportJob,
			FeedJobProperties properties, FeedNode feedNode, RunUploads runUploads) {
		return new FeedRuns(jdbc, jobOperator, repository, feedImportJob, feedNode, properties, runUploads);
	}

	@Bean
	RunUploads runUploads(JdbcClient jdbc, UploadStore uploadStore) {
		return new RunUploads(jdbc, uploadStore);
	}

	@Bean
	Pushes feedPushes(JdbcClient jdbc, JdbcTemplate template, DashboardAggregates dashboardAggregates, Clock clock,
			FeedNode feedNode) {
		return new Pushes(jdbc, template, dashboardAggregates, clock, feedNode.id());
	}

	@Bean
	FeedNode feedNode(FeedJobProperties properties) {
		return FeedNode.named(properties.nodeId());
	}

	@Bean
	FeedRunWatch feedRunWatch(FeedRuns feedRuns, FeedJobProperties properties) {
		return new FeedRunWatch(feedRuns, properties.heartbeat(), properties.resumeInterrupted());
	}

	@Bean
	PlatformClient platformClient(FeedJobProperties properties) {
		return new PlatformClient(JSON, properties);
	}

}
