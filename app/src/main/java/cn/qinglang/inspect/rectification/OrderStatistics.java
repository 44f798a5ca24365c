package cn.qinglang.inspect.rectification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.qinglang.inspect.enterprise.EnterpriseFilter;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.system.Times;

/**
 * The rectification module's query API for statistics of orders (the dashboards' KPIs,
 * the typical-issue summaries): other modules count orders through it, never from the
 * order table.
 */
@Repository
public class OrderStatistics {

	private final JdbcClient jdbc;

	private final Clock clock;

	OrderStatistics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Orders of the scope's filtered enterprises: open on {@code today}, overdue on
	 * {@code today}, and issued on the days {@code from} to {@code to}.
	 */
	public OrderCounts counts(EnterpriseScope scope, EnterpriseFilter filter, LocalDate today, LocalDate from,
			LocalDate to) {
		Map<String, Object> params = issuedOn(scope, from, to);
		params.put("today", today);
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(o.status <> 'CLOSED'), 0),
				  COALESCE(SUM(o.status <> 'CLOSED' AND o.deadline < :today), 0),
				  COALESCE(SUM(o.issued_at >= :issuedFrom AND o.issued_at < :issuedUntil), 0)
				FROM rectification_order o %s
				WHERE %s""".formatted(scope.join("o.enterprise_id"), filter.condition(params)))
			.params(params)
			.query((rs, row) -> new OrderCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	/**
	 * Orders issued on the days {@code from} to {@code to} to the scope's filtered
	 * enterprises, by disposition, with their fines.
	 */
	public Map<String, DispositionCount> dispositions(EnterpriseScope scope, EnterpriseFilter filter, LocalDate from,
			LocalDate to) {
		Map<String, Object> params = issuedOn(scope, from, to);
		Map<String, DispositionCount> rows = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT o.disposition, COUNT(*), COALESCE(SUM(o.fine_amount), 0) FROM rectification_order o %s
				WHERE %s AND o.issued_at >= :issuedFrom AND o.issued_at < :issuedUntil
				GROUP BY o.disposition""".formatted(scope.join("o.enterprise_id"), filter.condition(params)))
			.params(params)
			.query((rs, row) -> new DispositionCount(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
			.list()
			.forEach((row) -> rows.put(row.disposition(), row));
		return rows;
	}

	/**
	 * The scope's parameters and the days' bounds in the portal's zone, as the UTC times
	 * are stored.
	 */
	private Map<String, Object> issuedOn(EnterpriseScope scope, LocalDate from, LocalDate to) {
		Map<String, Object> params = scope.parameters();
		params.put("issuedFrom", Times.startOfDay(from, this.clock.getZone()));
		params.put("issuedUntil", Times.startOfDay(to.plusDays(1), this.clock.getZone()));
		return params;
	}

	/** Open, overdue and issued orders. */
	public record OrderCounts(long open, long overdue, long issued) {
	}

	/** Orders of one disposition and their fines. */
	public record DispositionCount(String disposition, long orders, BigDecimal fines) {
	}

}
