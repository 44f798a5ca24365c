package cn.qinglang.inspect.dashboard;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The least recently used computed views, each with the aggregates' version it was
 * computed from. A view of an older version is computed again, unless it is younger than
 * the allowed staleness: while the feeds ingest, the version changes with every committed
 * chunk, and fifty users on the dashboard then made the portal compute every view again
 * for nearly every request (the page says which day its data are as of).
 */
class ViewCache {

	private final Map<Object, Entry> views;

	private final long maxStaleNanos;

	private final LongSupplier nanoTime;

	ViewCache(int size, Duration maxStale) {
		this(size, maxStale, System::nanoTime);
	}

	ViewCache(int size, Duration maxStale, LongSupplier nanoTime) {
		this.maxStaleNanos = maxStale.toNanos();
		this.nanoTime = nanoTime;
		this.views = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
				return size() > size;
			}
		};
	}

	/**
	 * The view under the key, computed if absent, or if computed from an older version
	 * longer ago than the allowed staleness. While one caller computes a view again, the
	 * others are shown the one it replaces: fifty users whose view expired at once would
	 * otherwise all compute it at once (the dashboard's slowest requests in the first
	 * minute after a start, while the feeds ingest). Two requests for a view not computed
	 * yet may both compute it: cheaper than making every request wait on one lock.
	 */
	@SuppressWarnings("unchecked")
	<T> T get(Object key, long version, Supplier<T> compute) {
		long now = this.nanoTime.getAsLong();
		Entry replaced;
		synchronized (this.views) {
			replaced = this.views.get(key);
			if (replaced != null && (replaced.version() == version || now - replaced.computedAt() < this.maxStaleNanos
					|| replaced.refreshing())) {
				return (T) replaced.view();
			}
			if (replaced != null) {
				this.views.put(key, replaced.refreshing(true));
			}
		}
		T view;
		try {
			view = compute.get();
		}
		catch (RuntimeException | Error ex) {
			if (replaced != null) {
				synchronized (this.views) {
					this.views.put(key, replaced);
				}
			}
			throw ex;
		}
		synchronized (this.views) {
			this.views.put(key, new Entry(version, now, view, false));
		}
		return view;
	}

	/**
	 * @param refreshing a caller is computing this view again: it is shown meanwhile
	 */
	private record Entry(long version, long computedAt, Object view, boolean refreshing) {

		Entry refreshing(boolean refreshing) {
			return new Entry(this.version, this.computedAt, this.view, refreshing);
		}

	}

}
