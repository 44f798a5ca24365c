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
 * The database's failures that running again cures. A transaction that
 * {@link #lostToAnother lost to another} is run again at once, whole (the portal's
 * {@code @RetryOnConflict}); a feed run is restarted from its last committed chunk after
 * {@link #is any trouble of the database}.
 */
public final class DatabaseTrouble {

	private static final int DEADLOCK = 1213;

	private static final int LOCK_WAIT_TIMEOUT = 1205;

	private DatabaseTrouble() {
	}

	/**
	 * A transaction that lost to another: a deadlock, or a Galera certification failure
	 * at commit (both 1213, the transaction rolled back), or a lock wait time-out (1205).
	 */
	public static boolean lostToAnother(Throwable failure) {
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

	static boolean in(List<Throwable> failures) {
		return failures.stream().anyMatch(DatabaseTrouble::is);
	}

	/**
	 * Trouble a restart cures: the database's connection lost (a Galera node died and the
	 * pool connects to the next), a transaction that lost to another; any error of the
	 * database but bad data (SQL state class 22), a broken constraint (23) or a bad
	 * statement (42), which would fail again.
	 */
	static boolean is(Throwable failure) {
		if (lostToAnother(failure)) {
			return true;
		}
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
