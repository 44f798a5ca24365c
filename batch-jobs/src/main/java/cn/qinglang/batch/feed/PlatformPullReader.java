package cn.qinglang.batch.feed;

import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Reads a platform's feed page by page from the feed's cursor. Its state is the cursor of
 * the page being read and how many of its records are done, so that a restart fetches
 * that page again and goes on after the last committed record. The feed's own cursor is
 * moved by the writer, in the transaction that stores the page's last record.
 * <p>
 * While a page's records are validated and written, the next page is fetched and parsed
 * on a thread of its own: the platform and the network then work while the database does.
 * Only records handed out count in the state, so a page fetched ahead is fetched again
 * after a restart, and its failure fails the run only when its records are due.
 */
public class PlatformPullReader extends ItemStreamSupport implements ItemStreamReader<RawRecord> {

	private static final String CURSOR = "cursor";

	private static final String OFFSET = "offset";

	private static final String POSITION = "position";

	private static final String DIGEST = "digest";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PlatformPullReader.class);

	private final PlatformClient client;

	private final String baseUrl;

	private final String token;

	private final int pageSize;

	private final ExpectedCount expected;

	private String pageCursor;

	private int offset;

	private long position;

	/** The ids of the current page's records read so far, hashed: see {@link #digest}. */
	private long digest = DIGEST_START;

	private static final long DIGEST_START = 0xcbf29ce484222325L;

	private Iterator<RawRecord> page;

	private PlatformClient.Page current;

	private ExecutorService fetcher;

	private Future<PlatformClient.Page> ahead;

	/**
	 * @param startCursor the feed's cursor when the run starts (null: from the beginning)
	 * @param expected told how many records are still to come, when the platform says
	 */
	public PlatformPullReader(PlatformClient client, String baseUrl, String token, String startCursor, int pageSize,
			ExpectedCount expected) {
		this.client = client;
		this.baseUrl = baseUrl;
		this.token = token;
		this.pageCursor = startCursor;
		this.pageSize = pageSize;
		this.expected = expected;
		setName("platformPullReader");
	}

	@Override
	public void open(ExecutionContext context) {
		this.fetcher = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "platform-fetch-ahead");
			thread.setDaemon(true);
			return thread;
		});
		if (context.containsKey(getExecutionContextKey(POSITION))) {
			this.pageCursor = context.containsKey(getExecutionContextKey(CURSOR))
					? context.getString(getExecutionContextKey(CURSOR)) : null;
			this.offset = context.getInt(getExecutionContextKey(OFFSET));
			this.position = context.getLong(getExecutionContextKey(POSITION));
			this.digest = context.containsKey(getExecutionContextKey(DIGEST))
					? context.getLong(getExecutionContextKey(DIGEST)) : DIGEST_START;
		}
	}

	@Override
	public void update(ExecutionContext context) {
		if (this.pageCursor != null) {
			context.putString(getExecutionContextKey(CURSOR), this.pageCursor);
		}
		context.putInt(getExecutionContextKey(OFFSET), this.offset);
		context.putLong(getExecutionContextKey(POSITION), this.position);
		context.putLong(getExecutionContextKey(DIGEST), this.digest);
	}

	@Override
	public RawRecord read() {
		while (this.page == null || !this.page.hasNext()) {
			if (this.current != null) {
				if (!this.current.hasMore()) {
					return null;
				}
				this.pageCursor = this.current.nextCursor();
				this.offset = 0;
				this.digest = DIGEST_START;
			}
			long first = this.position - this.offset + 1;
			this.current = (this.ahead != null) ? fetched(this.ahead)
					: this.client.fetch(this.baseUrl, this.token, this.pageCursor, this.pageSize, first);
			this.ahead = null;
			if (this.current.hasMore()) {
				String next = this.current.nextCursor();
				long nextFirst = first + this.current.records().size();
				this.ahead = this.fetcher
					.submit(() -> this.client.fetch(this.baseUrl, this.token, next, this.pageSize, nextFirst));
			}
			if (this.current.remaining() != null) {
				this.expected
					.set(this.position - this.offset + this.current.records().size() + this.current.remaining());
			}
			this.page = this.current.records().iterator();
			// a restart goes on after the records of this page already committed, if the
			// page still begins with them; if the platform changed it meanwhile, skipping
			// by count could pass over a record never stored: the page is read again from
			// its start (the records stored already are updated, not duplicated)
			long skippedDigest = DIGEST_START;
			int skipped = 0;
			for (; skipped < this.offset && this.page.hasNext(); skipped++) {
				skippedDigest = digest(skippedDigest, this.page.next());
			}
			if (skipped > 0 && skippedDigest != this.digest) {
				log.warn("The page at cursor {} changed since the run's last commit: read again from its start",
						this.pageCursor);
				this.page = this.current.records().iterator();
				this.position -= this.offset;
				this.offset = 0;
				this.digest = DIGEST_START;
			}
		}
		RawRecord record = this.page.next();
		this.digest = digest(this.digest, record);
		this.offset++;
		this.position++;
		return this.page.hasNext() ? record : record.withPageEndCursor(this.current.nextCursor());
	}

	/** FNV-1a over the records' ids, in order: what a restart checks the page against. */
	private static long digest(long digest, RawRecord record) {
		String id = String.valueOf(record.fields().get("id"));
		long hash = digest;
		for (int i = 0; i < id.length(); i++) {
			hash ^= id.charAt(i);
			hash *= 0x100000001b3L;
		}
		return (hash ^ 0xff) * 0x100000001b3L;
	}

	@Override
	public void close() {
		if (this.ahead != null) {
			this.ahead.cancel(true);
			this.ahead = null;
		}
		if (this.fetcher != null) {
			this.fetcher.shutdownNow();
		}
	}

	/** The page fetched ahead, or what stopped it, as if it had been fetched here. */
	private static PlatformClient.Page fetched(Future<PlatformClient.Page> page) {
		try {
			return page.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new FeedException("fetching a page failed: " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FeedException("interrupted", ex);
		}
	}

	/** Where the total number of records of a run, once known, is told. */
	@FunctionalInterface
	public interface ExpectedCount {

		void set(long total);

	}

}
