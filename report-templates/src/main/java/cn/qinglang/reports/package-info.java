/**
 * The JasperReports templates of the portal's exports (rectification reports, campaign
 * bulletins, dashboard exports) and the CJK font they embed, so that a PDF shows and
 * keeps searchable Chinese text on a machine without Chinese fonts.
 */
package cn.qinglang.reports;
