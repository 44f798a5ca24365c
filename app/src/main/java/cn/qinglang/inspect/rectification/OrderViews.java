package cn.qinglang.inspect.rectification;

import java.time.LocalDate;

import org.springframework.ui.Model;

import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.inspection.Inspections;
import cn.qinglang.inspect.system.NotFound;

/**
 * The order page's model, the same for the inspector and the platform: each sees it
 * through its own scope.
 */
final class OrderViews {

	private OrderViews() {
	}

	static String detail(Orders orders, Inspections inspections, EnterpriseScope scope, long id, LocalDate today,
			Model model, String view) {
		RectificationOrder order = orders.find(scope, id).orElseThrow(NotFound::new);
		model.addAttribute("order", order);
		model.addAttribute("findings", inspections.findingsById(orders.findingIds(id)));
		model.addAttribute("measures", orders.measures(id));
		model.addAttribute("extensions", orders.extensions(id));
		model.addAttribute("timeline", orders.timeline(id));
		model.addAttribute("today", today);
		model.addAttribute("overdue", order.overdue(today));
		return view;
	}

}
