package cn.qinglang.inspect.enterprise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which of a scope's enterprises a page or a statistic counts: those of a jurisdiction
 * and below, of a kind (an enterprise that is both counts as either), or one enterprise;
 * each null for any. The owners' query APIs take it with an {@link EnterpriseScope}, so
 * that a dashboard's or a bulletin's restrictions mean the same in every module.
 *
 * @param jurisdiction a jurisdiction code, or null
 * @param kind generation providers or dissemination platforms, or null
 * @param enterpriseId one enterprise, or null
 */
public record EnterpriseFilter(String jurisdiction, EnterpriseKind kind, Long enterpriseId) {

	public static EnterpriseFilter any() {
		return new EnterpriseFilter(null, null, null);
	}

	/**
	 * SQL over the aliases of the scope's join ({@link EnterpriseScope#join(String)});
	 * the values are put in {@code params}.
	 */
	public String condition(Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		conditions.add("TRUE");
		if (this.jurisdiction != null) {
			conditions.add(EnterpriseScope.withinJurisdiction("fJurisdiction"));
			params.put("fJurisdiction", this.jurisdiction);
		}
		if (this.kind != null) {
			conditions.add("e.kind IN (:fKinds)");
			params.put("fKinds", List.of(this.kind.name(), EnterpriseKind.BOTH.name()));
		}
		if (this.enterpriseId != null) {
			conditions.add("e.id = :fEnterprise");
			params.put("fEnterprise", this.enterpriseId);
		}
		return String.join(" AND ", conditions);
	}

}
