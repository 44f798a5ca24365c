/**
 * The feeds' API: the platform reporting interface as data, the one vocabulary that the
 * pull client, the file upload and the push API share: the record types
 * ({@link cn.qinglang.batch.records.RecordType}), their fields and allowed values
 * ({@link cn.qinglang.batch.records.PlatformInterface}) and the reasons a record is
 * refused ({@link cn.qinglang.batch.records.RejectReason}). It depends on nothing else of
 * the jobs.
 */
package cn.qinglang.batch.records;
