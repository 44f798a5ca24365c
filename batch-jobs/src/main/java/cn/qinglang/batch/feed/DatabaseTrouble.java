package cn.qinglang.batch.feed;

import java.sql.SQLException;
import java.util.List;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures that a restart cures: the database's connection lost (a Galera node died and
 * the pool connects to the next), a transaction that lost to another (deadlock, or a
 * Galera certification failure at commit, both 1213) or waited too long for a lock; any
 * error of the database but bad data (SQL state class 22), a broken constraint (23) or a
 * bad statement (42), which would fail again.
 */
final class DatabaseTrouble {

	private DatabaseTrouble() {
	}

	static boolean in(List<Throwable> failures) {
		return failures.stream().anyMatch(DatabaseTrouble::is);
	}

	static boolean is(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof PessimisticLockingFailureException
					|| cause instanceof CannotCreateTransactionException
					|| cause instanceof TransactionSystemException) {
				return true;
			}
			if (cause instanceof SQLException sql) {
				// what a record's data or a statement gets wrong fails again
				// after a restart; the rest is the database's trouble
				String state = sql.getSQLState();
				return state == null || !(state.startsWith("22") || state.startsWith("23") || state.startsWith("42"));
			}
		}
		return false;
	}

}
