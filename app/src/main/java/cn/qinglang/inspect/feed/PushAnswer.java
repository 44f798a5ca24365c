package cn.qinglang.inspect.feed;

import java.util.List;

/**
 * The answer to a pushed request: the counts, and every record in the order sent.
 *
 * @param sandbox whether nothing was stored (a sandbox token, or {@code dryRun=true})
 * @param run the feed run the records were counted in, or null in the sandbox
 */
record PushAnswer(boolean sandbox, Long run, int received, int created, int updated, int unchanged, int rejected,
		List<Item> results) {

	/**
	 * What became of one record.
	 *
	 * @param position its place in the request, from 1
	 * @param status {@code CREATED}, {@code UPDATED}, {@code UNCHANGED} or
	 * {@code REJECTED}
	 * @param field for a refused record, the field refused ({@code (record)} for the
	 * whole)
	 * @param reason for a refused record, the interface's reason code
	 * @param message for a refused record, why, in the request's language
	 */
	record Item(int position, String id, String type, String status, String field, String reason, String message) {
	}

}
