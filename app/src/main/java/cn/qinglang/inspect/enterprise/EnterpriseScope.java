package cn.qinglang.inspect.enterprise;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.qinglang.inspect.security.PortalUser;

/**
 * Which enterprises a user may see: everything (ADMIN), a jurisdiction and below
 * (INSPECTOR, EXECUTIVE), one enterprise (PLATFORM), or none (AUDITOR).
 * <p>
 * This is the one way to ask for enterprise-scoped rows: a query names the column that
 * holds its rows' enterprise and joins {@link #join(String)}, or reads enterprises
 * {@link #from() from} this scope. The join and the restriction come as one fragment, so
 * a query cannot have the one without the other; {@code ScopeByConstructionTests} fails
 * when a query writes the enterprise–jurisdiction join by hand. The fragment's aliases
 * are {@value #ENTERPRISE} (the enterprise) and {@value #JURISDICTION} (its jurisdiction)
 * for the query's own columns and filters; its parameters come from {@link #parameters()}
 * or {@link #bind(Map)}.
 *
 * @param jurisdictionPath path prefix to match, or null for any
 * @param enterpriseId the only enterprise, or null for any
 * @param none matches nothing
 */
public record EnterpriseScope(String jurisdictionPath, Long enterpriseId, boolean none) {

	/** Alias of the enterprise in {@link #join(String)} and {@link #from()}. */
	public static final String ENTERPRISE = "e";

	/**
	 * Alias of the enterprise's jurisdiction in {@link #join(String)} and
	 * {@link #from()}.
	 */
	public static final String JURISDICTION = "j";

	public static EnterpriseScope of(PortalUser user) {
		return switch (user.role()) {
			case ADMIN -> new EnterpriseScope(null, null, false);
			case INSPECTOR, EXECUTIVE -> ofOffice(user.jurisdictionPath());
			case PLATFORM -> new EnterpriseScope(null, user.enterpriseId(), false);
			case AUDITOR -> new EnterpriseScope(null, null, true);
		};
	}

	/**
	 * What the regulators of an office see: the enterprises of its jurisdiction and those
	 * below it.
	 * @param jurisdictionPath the office's materialised path, as
	 * {@link PortalUser#jurisdictionPath()}
	 */
	public static EnterpriseScope ofOffice(String jurisdictionPath) {
		return new EnterpriseScope(jurisdictionPath, null, false);
	}

	/** No restriction: for administrators' pages and the system's own jobs. */
	public static EnterpriseScope everything() {
		return new EnterpriseScope(null, null, false);
	}

	/**
	 * Joins the enterprise whose id is in {@code enterpriseIdColumn} (as {@code e}) and
	 * its jurisdiction (as {@code j}), keeping only rows inside this scope.
	 * @param enterpriseIdColumn the qualified column, e.g. {@code o.enterprise_id}
	 */
	public String join(String enterpriseIdColumn) {
		if (!enterpriseIdColumn.matches("[a-z_]+\\.[a-z_]+")) {
			throw new IllegalArgumentException("not a qualified column: " + enterpriseIdColumn);
		}
		return " JOIN enterprise e ON e.id = " + enterpriseIdColumn + " JOIN jurisdiction j ON j.code = "
				+ "e.jurisdiction_code AND " + condition() + " ";
	}

	/**
	 * The enterprises inside this scope (as {@code e}) with their jurisdictions
	 * ({@code j}), for a FROM clause.
	 */
	public String from() {
		return " enterprise e JOIN jurisdiction j ON j.code = e.jurisdiction_code AND " + condition() + " ";
	}

	/**
	 * A filter narrowing a scoped query to the jurisdiction whose code is bound to
	 * {@code codeParameter}, and those below it.
	 */
	public static String withinJurisdiction(String codeParameter) {
		return "j.path LIKE CONCAT((SELECT wj.path FROM jurisdiction wj WHERE wj.code = :" + codeParameter + "), '%')";
	}

	private String condition() {
		if (this.none) {
			return "FALSE";
		}
		if (this.enterpriseId != null) {
			return "e.id = :scopeEnterpriseId";
		}
		return (this.jurisdictionPath != null) ? "j.path LIKE CONCAT(:scopePath, '%')" : "TRUE";
	}

	/** A new map with this scope's parameters, for a query that uses this scope. */
	public Map<String, Object> parameters() {
		Map<String, Object> params = new LinkedHashMap<>();
		bind(params);
		return params;
	}

	public void bind(Map<String, Object> params) {
		if (this.enterpriseId != null) {
			params.put("scopeEnterpriseId", this.enterpriseId);
		}
		if (this.jurisdictionPath != null) {
			params.put("scopePath", this.jurisdictionPath);
		}
	}

}
