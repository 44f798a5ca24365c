/**
 * Inspections of an enterprise (on-site, remote, label spot check, complaint-triggered)
 * and the findings recorded in them, each citing a catalog item, with attachments.
 */
package cn.qinglang.inspect.inspection;
