package cn.qinglang.inspect.rectification;

import java.util.List;

import cn.qinglang.inspect.enterprise.Enterprise;
import cn.qinglang.inspect.inspection.Finding;
import cn.qinglang.inspect.inspection.Inspection;
import cn.qinglang.inspect.jurisdiction.Jurisdiction;
import cn.qinglang.inspect.labelcheck.SpotChecks;

/**
 * Everything a rectification report shows, read through the viewer's scope.
 *
 * @param office the office that issued the order
 * @param spotChecks the label spot checks of the inspections, if any
 */
record RectificationReportData(Jurisdiction office, RectificationOrder order, Enterprise enterprise,
		List<Inspection> inspections, List<Finding> findings, List<Measure> measures, List<Extension> extensions,
		List<OrderEvent> timeline, List<SpotChecks.Summary> spotChecks) {

}
