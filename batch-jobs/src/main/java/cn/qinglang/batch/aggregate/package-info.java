/**
 * The aggregates the dashboards read: per record type, sums by day, week and month
 * ({@link cn.qinglang.batch.aggregate.AggregateTable}), kept up to date for the days a
 * feed run touched and rebuilt from the raw records when asked
 * ({@link cn.qinglang.batch.aggregate.DashboardAggregates}).
 */
package cn.qinglang.batch.aggregate;
