/**
 * The platform feed import: the reporting interface v1 as data
 * ({@link cn.qinglang.batch.records.PlatformInterface}), the pull client and the upload
 * readers, per-record validation, the idempotent upsert with rejects explained, the daily
 * aggregates, and {@link cn.qinglang.batch.feed.FeedRuns} which starts, locks and
 * restarts runs. The host imports {@link cn.qinglang.batch.feed.FeedJobConfiguration} and
 * supplies a {@link cn.qinglang.batch.feed.TokenCipher} and an
 * {@link cn.qinglang.batch.feed.UploadStore} (where uploaded files wait for their runs).
 */
package cn.qinglang.batch.feed;

import cn.qinglang.batch.records.PlatformInterface;
