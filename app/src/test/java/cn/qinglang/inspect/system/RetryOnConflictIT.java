package cn.qinglang.inspect.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.qinglang.inspect.support.PortalTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real deadlock in MariaDB (two transactions taking two rows in opposite orders, the
 * error a Galera certification failure gives too): the transaction that lost runs again
 * where it began, and its writes count once; inside a caller's transaction it is not run
 * again, the caller's transaction fails as a whole. The portal's own retry configuration
 * in a small context of its own on the test database.
 */
@PortalTest
class RetryOnConflictIT {

	@Autowired
	DataSource dataSource;

	private AnnotationConfigApplicationContext context;

	private JdbcTemplate jdbc;

	@BeforeEach
	void createTheRows() {
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.jdbc.execute("CREATE TABLE retry_probe (id INT PRIMARY KEY, moves INT NOT NULL) ENGINE=InnoDB");
		this.jdbc.update("INSERT INTO retry_probe VALUES (1, 0), (2, 0)");
		this.context = new AnnotationConfigApplicationContext();
		// the test's pool, which closing this context must not close
		this.context.registerBean(DataSource.class, () -> new DelegatingDataSource(this.dataSource));
		this.context.register(Setup.class);
		this.context.refresh();
	}

	@AfterEach
	void dropThem() {
		this.context.close();
		this.jdbc.execute("DROP TABLE retry_probe");
	}

	@Test
	void theTransactionThatLostADeadlockRunsAgainAndCountsOnce() throws Exception {
		Moves moves = this.context.getBean(Moves.class);
		List<Future<?>> done = inOppositeOrders(moves::both);
		for (Future<?> move : done) {
			move.get(60, TimeUnit.SECONDS);
		}
		assertThat(moves.attempts()).as("two moves, one of them twice").isEqualTo(3);
		assertThat(this.jdbc.queryForList("SELECT moves FROM retry_probe ORDER BY id", Integer.class))
			.containsExactly(2, 2);
	}

	@Test
	void insideACallersTransactionTheLoserFailsWithIt() throws Exception {
		Moves moves = this.context.getBean(Moves.class);
		TransactionTemplate caller = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
		List<Future<?>> done = inOppositeOrders(
				(first, second) -> caller.executeWithoutResult((status) -> moves.both(first, second)));
		int failed = 0;
		for (Future<?> move : done) {
			try {
				move.get(60, TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				assertThat(ex.getCause()).isInstanceOf(PessimisticLockingFailureException.class);
				failed++;
			}
		}
		assertThat(failed).isOne();
		assertThat(moves.attempts()).as("not run again inside the caller's transaction").isEqualTo(2);
		assertThat(this.jdbc.queryForList("SELECT moves FROM retry_probe ORDER BY id", Integer.class))
			.as("only the winner's move")
			.containsExactly(1, 1);
	}

	private static List<Future<?>> inOppositeOrders(Move move) throws InterruptedException {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> done = new ArrayList<>();
			done.add(threads.submit(() -> move.move(1, 2)));
			done.add(threads.submit(() -> move.move(2, 1)));
			return done;
		}
		finally {
			threads.shutdown();
			threads.awaitTermination(60, TimeUnit.SECONDS);
		}
	}

	interface Move {

		void move(int first, int second);

	}

	/** Registered by hand, not a nested configuration the test context would take. */
	@EnableTransactionManagement
	@Import(RetryConfiguration.class)
	static class Setup {

		@Bean
		JdbcTransactionManager transactionManager(DataSource dataSource) {
			return new JdbcTransactionManager(dataSource);
		}

		@Bean
		Moves moves(DataSource dataSource) {
			return new Moves(new JdbcTemplate(dataSource));
		}

	}

	/** Takes two rows in the order given; the first attempts wait until both hold one. */
	static class Moves {

		private final AtomicInteger attempts = new AtomicInteger();

		private final CountDownLatch bothHoldOne = new CountDownLatch(2);

		private final JdbcTemplate jdbc;

		Moves(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		/** Read through the proxy, from the bean itself. */
		public int attempts() {
			return this.attempts.get();
		}

		@RetryOnConflict
		@Transactional
		public void both(int first, int second) {
			this.attempts.incrementAndGet();
			this.jdbc.update("UPDATE retry_probe SET moves = moves + 1 WHERE id = ?", first);
			this.bothHoldOne.countDown();
			try {
				this.bothHoldOne.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.jdbc.update("UPDATE retry_probe SET moves = moves + 1 WHERE id = ?", second);
		}

	}

}
