package cn.qinglang.inspect.system;

import java.lang.reflect.Method;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When {@link RetryOnConflict} runs a method again: its transaction lost to another
 * (deadlock or Galera certification failure, 1213; lock wait time-out, 1205), and no
 * transaction is active any more, so that the whole transaction, from its beginning, is
 * what runs again. Inside a caller's transaction the failure goes on up: MariaDB has
 * already rolled back all of it, and running the rest again there would commit a part.
 * Retries are ordered outside the transactions ({@link RetryConfiguration}).
 */
class WriteConflicts implements MethodRetryPredicate {

	private static final Logger log = LoggerFactory.getLogger(WriteConflicts.class);

	private static final int DEADLOCK = 1213;

	private static final int LOCK_WAIT_TIMEOUT = 1205;

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
		if (failure instanceof PessimisticLockingFailureException) {
			return true;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql
					&& (sql.getErrorCode() == DEADLOCK || sql.getErrorCode() == LOCK_WAIT_TIMEOUT)) {
				return true;
			}
		}
		return false;
	}

}
