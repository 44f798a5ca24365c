/**
 * The Spring Batch jobs that the portal runs in-process. A library: it knows nothing of
 * the web layer and hands its results to the portal through its tables. The JobRepository
 * lives in the MariaDB schema owned by the changelog module.
 */
package cn.qinglang.batch;
