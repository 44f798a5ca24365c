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
	 * longer ago than the allowed staleness. Two requests for the same new view may both
	 * compute it: cheaper than making every request wait on one lock.
	 */
	@SuppressWarnings("unchecked")
	<T> T get(Object key, long version, Supplier<T> compute) {
		long now = this.nanoTime.getAsLong();
		synchronized (this.views) {
			Entry entry = this.views.get(key);
			if (entry != null && (entry.version() == version || now - entry.computedAt() < this.maxStaleNanos)) {
				return (T) entry.view();
			}
		}
		T view = compute.get();
		synchronized (this.views) {
			this.views.put(key, new Entry(version, now, view));
		}
		return view;
	}

	private record Entry(long version, long computedAt, Object view) {
	}

}
