/**
 * The GB 45438-2025 label checker itself, free of Spring and of the database: format
 * readers with bounded reads, the Annex E rules, verdicts, batches, ZIP archives and the
 * command line. Other modules may use its reports.
 */
@org.springframework.modulith.NamedInterface("checker")
package cn.qinglang.inspect.labelcheck.checker;
