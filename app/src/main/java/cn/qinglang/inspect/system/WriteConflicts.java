package cn.qinglang.inspect.system;

import java.lang.reflect.Method;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.qinglang.batch.feed.DatabaseTrouble;

/**
 * When {@link RetryOnConflict} runs a method again: its transaction lost to another
 * (deadlock or Galera certification failure, 1213; lock wait time-out, 1205; a document
 * number taken by another node's transaction meanwhile), and no transaction is active any
 * more, so that the whole transaction, from its beginning, is what runs again. Inside a
 * caller's transaction the failure goes on up: MariaDB has already rolled back all of it,
 * and running the rest again there would commit a part. Retries are ordered outside the
 * transactions ({@link RetryConfiguration}).
 */
class WriteConflicts implements MethodRetryPredicate {

	private static final Logger log = LoggerFactory.getLogger(WriteConflicts.class);

	private static final int DUPLICATE_KEY = 1062;

	@Override
	public boolean shouldRetry(Method method, Throwable failure) {
		if (!lostToAnother(failure) || TransactionSynchronizationManager.isActualTransactionActive()) {
			return false;
		}
		log.info("{}.{} lost to another transaction ({}); running it again", method.getDeclaringClass().getSimpleName(),
				method.getName(), failure.getMessage());
		return true;
	}

	static boolean lostToAnother(Throwable failure) {
		return DatabaseTrouble.lostToAnother(failure) || numberTakenMeanwhile(failure);
	}

	/**
	 * An official document's number refused as a duplicate by its unique key
	 * ({@code …_number_uk}). On one MariaDB it cannot happen (the sequence's row is
	 * locked until the issuing transaction ends); with a Galera writer per portal node it
	 * is how a transaction learns that another node's issue of the same number was
	 * applied beside it: its own is being rolled back as a certification failure, and
	 * running it again takes the next number.
	 */
	private static boolean numberTakenMeanwhile(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY && sql.getMessage() != null
					&& sql.getMessage().contains("_number_uk'")) {
				return true;
			}
		}
		return false;
	}

}
