/**
 * The GB 45438-2025 label checker, free of Spring and of any database: format readers
 * with bounded reads, the Annex E rules, verdicts and ZIP archives of samples. The portal
 * and the command line ({@code cli}) use it alike.
 */
package cn.qinglang.labelcheck;
