package cn.qinglang.batch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JobRepository works on the Batch tables of the Liquibase changelog (Boot's own
 * schema initialisation is off), on MariaDB, with commits per chunk.
 */
@SpringBatchTest
@SpringBootTest(classes = JobRepositorySchemaTests.TestJob.class)
class JobRepositorySchemaTests {

	@Autowired
	JobOperatorTestUtils jobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Written written;

	@Test
	void chunkedJobRunsAndIsRecordedInTheChangelogsBatchTables() throws Exception {
		JobExecution execution = this.jobs.startJob(this.jobs.getUniqueJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.written.items()).containsExactly("清朗", "标识", "整改", "通报", "复查");
		Long commits = this.jdbc.sql("""
				SELECT COMMIT_COUNT FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = :id""")
			.param("id", execution.getId())
			.query(Long.class)
			.single();
		assertThat(commits).isEqualTo(3);
		assertThat(this.jdbc.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = :id")
			.param("id", execution.getId())
			.query(String.class)
			.single()).isEqualTo("COMPLETED");
	}

	/** What the job wrote, in order. */
	record Written(List<String> items) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestJob {

		@Bean
		Written written() {
			return new Written(new CopyOnWriteArrayList<>());
		}

		@Bean
		Job copyJob(JobRepository repository, PlatformTransactionManager transactionManager, Written written) {
			return new JobBuilder("schemaProbeJob", repository)
				.start(new StepBuilder("copyStep", repository).<String, String>chunk(2)
					.transactionManager(transactionManager)
					.reader(new ListItemReader<>(List.of("清朗", "标识", "整改", "通报", "复查")))
					.writer((chunk) -> written.items().addAll(chunk.getItems()))
					.build())
				.build();
		}

	}

}
