package cn.qinglang.inspect.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The least recently used computed views, by a key that holds the aggregates' version: a
 * view of older data is never found again, and ages out.
 */
class ViewCache {

	private final Map<Object, Object> views;

	ViewCache(int size) {
		this.views = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
				return size() > size;
			}
		};
	}

	/**
	 * The view under the key, computed if absent. Two requests for the same new view may
	 * both compute it: cheaper than making every request wait on one lock.
	 */
	@SuppressWarnings("unchecked")
	<T> T get(Object key, Supplier<T> compute) {
		synchronized (this.views) {
			Object view = this.views.get(key);
			if (view != null) {
				return (T) view;
			}
		}
		T view = compute.get();
		synchronized (this.views) {
			this.views.put(key, view);
		}
		return view;
	}

}
