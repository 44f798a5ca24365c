/**
 * Charts drawn into reports as vector graphics: JasperReports' own chart module is not on
 * Maven Central for 7.0.6, and a chart that is a few bars and lines needs no chart
 * library. Each chart holds only its numbers (it is serialised with the pages the
 * virtualizer swaps out) and draws itself with Java2D: as vector shapes in a PDF, as an
 * image in DOCX.
 */
package cn.qinglang.reports.charts;
