package cn.qinglang.inspect.rectification;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.report.ReportDocument;
import cn.qinglang.inspect.report.ReportRecipe;
import cn.qinglang.inspect.security.PortalUser;

/**
 * The rectification report of an order, by its id, for a user whose scope reaches it.
 */
@Component
class RectificationReportRecipe implements ReportRecipe {

	private final RectificationReport reports;

	RectificationReportRecipe(RectificationReport reports) {
		this.reports = reports;
	}

	@Override
	public String name() {
		return "rectification-order";
	}

	Request of(long orderId) {
		return with(Map.of("id", String.valueOf(orderId)));
	}

	@Override
	public Optional<ReportDocument> document(PortalUser user, Map<String, String> parameters) {
		return this.reports.read(EnterpriseScope.of(user), Long.parseLong(parameters.get("id")))
			.map((data) -> this.reports.document(data, this.reports.lines(data)));
	}

}
