/**
 * Large reports generated in the background: queued per user on a bounded pool of
 * workers, their progress written as they fill, their files kept for a retention and
 * downloaded from "my exports" by their owner only.
 */
package cn.qinglang.inspect.report.export;
