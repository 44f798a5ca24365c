package cn.qinglang.inspect.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Bucket4j's buckets in a MariaDB table ({@code id}, {@code state}), through Bucket4j's
 * own select-for-update algorithm: the dialect that its {@code bucket4j_jdk17-mariadb}
 * module would bring (not served here; its MySQL module's catches name a class of the
 * MySQL driver, so it cannot run without that driver). The row of a bucket is read
 * {@code FOR UPDATE}, changed and written back in one transaction on a connection of its
 * own; a deadlock while creating a row makes Bucket4j try again.
 *
 * @param <K> the key: a token's id, an address
 */
final class MariaDbBuckets<K> extends AbstractSelectForUpdateBasedProxyManager<K> {

	private static final int DEADLOCK = 1213;

	private final DataSource dataSource;

	private final PrimaryKeyMapper<K> keys;

	private final String select;

	private final String insert;

	private final String update;

	private final String delete;

	MariaDbBuckets(DataSource dataSource, String table, PrimaryKeyMapper<K> keys) {
		super(ClientSideConfig.getDefault());
		this.dataSource = dataSource;
		this.keys = keys;
		this.select = "SELECT state FROM " + table + " WHERE id = ? FOR UPDATE";
		this.insert = "INSERT IGNORE INTO " + table + " (id, state) VALUES (?, NULL)";
		this.update = "UPDATE " + table + " SET state = ? WHERE id = ?";
		this.delete = "DELETE FROM " + table + " WHERE id = ?";
	}

	@Override
	public void removeProxy(K key) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(this.delete)) {
			this.keys.set(statement, 1, key);
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
	}

	@Override
	protected SelectForUpdateBasedTransaction allocateTransaction(K key, Optional<Long> timeoutNanos) {
		Connection connection;
		try {
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
		return new Transaction(connection, key);
	}

	private final class Transaction implements SelectForUpdateBasedTransaction {

		private final Connection connection;

		private final K key;

		Transaction(Connection connection, K key) {
			this.connection = connection;
			this.key = key;
		}

		@Override
		public void begin(Optional<Long> timeoutNanos) {
			run(() -> this.connection.setAutoCommit(false));
		}

		@Override
		public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
			try (PreparedStatement statement = this.connection.prepareStatement(MariaDbBuckets.this.select)) {
				applyTimeout(statement, timeoutNanos);
				MariaDbBuckets.this.keys.set(statement, 1, this.key);
				try (ResultSet row = statement.executeQuery()) {
					return row.next() ? LockAndGetResult.locked(row.getBytes("state")) : LockAndGetResult.notLocked();
				}
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

		@Override
		public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
			try (PreparedStatement statement = this.connection.prepareStatement(MariaDbBuckets.this.insert)) {
				applyTimeout(statement, timeoutNanos);
				MariaDbBuckets.this.keys.set(statement, 1, this.key);
				statement.executeUpdate();
				return true;
			}
			catch (SQLException ex) {
				if (ex.getErrorCode() == DEADLOCK) {
					return false;
				}
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

		@Override
		public void update(byte[] data, RemoteBucketState state, Optional<Long> timeoutNanos) {
			try (PreparedStatement statement = this.connection.prepareStatement(MariaDbBuckets.this.update)) {
				applyTimeout(statement, timeoutNanos);
				statement.setBytes(1, data);
				MariaDbBuckets.this.keys.set(statement, 2, this.key);
				statement.executeUpdate();
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

		@Override
		public void commit(Optional<Long> timeoutNanos) {
			run(this.connection::commit);
		}

		@Override
		public void rollback() {
			run(this.connection::rollback);
		}

		@Override
		public void release() {
			run(this.connection::close);
		}

		private void run(Statement statement) {
			try {
				statement.run();
			}
			catch (SQLException ex) {
				throw new BucketExceptions.BucketExecutionException(ex);
			}
		}

	}

	@FunctionalInterface
	private interface Statement {

		void run() throws SQLException;

	}

}
