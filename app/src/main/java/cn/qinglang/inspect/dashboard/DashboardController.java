package cn.qinglang.inspect.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.qinglang.inspect.audit.AuditEvent;
import cn.qinglang.inspect.audit.AuditLog;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.feed.DataFreshness;
import cn.qinglang.inspect.inspection.Inspections;
import cn.qinglang.inspect.rectification.Orders;
import cn.qinglang.inspect.report.ReportExports;
import cn.qinglang.inspect.report.ReportFormat;
import cn.qinglang.inspect.report.ReportLine;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;

/**
 * The campaign dashboard (inspectors, executives), an enterprise's dashboard (inspectors
 * and executives for the enterprises they see, a platform team for its own), their
 * exports and print views. The filter lives in the URL.
 */
@Controller
class DashboardController {

	/** Findings and orders listed on an enterprise's dashboard. */
	private static final int RECENT = 10;

	private final DashboardExport export;

	private final Clock clock;

	private final AuditLog audit;

	private final Inspections inspections;

	private final Orders orders;

	private final DataFreshness freshness;

	private final DashboardReport report;

	private final ReportExports reports;

	private final DashboardSections sections;

	private final DashboardViews views;

	private final DashboardVariables variables;

	DashboardController(DashboardExport export, DashboardVariables variables, Clock clock, AuditLog audit,
			Inspections inspections, Orders orders, DataFreshness freshness, DashboardReport report,
			ReportExports reports, DashboardSections sections, DashboardViews views) {
		this.views = views;
		this.sections = sections;
		this.report = report;
		this.reports = reports;
		this.export = export;
		this.variables = variables;
		this.clock = clock;
		this.audit = audit;
		this.inspections = inspections;
		this.orders = orders;
		this.freshness = freshness;
	}

	@GetMapping("/dashboard")
	String campaign(@AuthenticationPrincipal PortalUser user, @RequestParam Map<String, String> params, Model model,
			Locale locale) {
		model.addAttribute("body",
				this.sections.campaign(campaignView(user, params), EnterpriseScope.of(user), locale));
		return "dashboard/campaign";
	}

	@GetMapping("/dashboard/print")
	String campaignPrint(@AuthenticationPrincipal PortalUser user, @RequestParam Map<String, String> params,
			Model model, Locale locale) {
		model.addAllAttributes(this.variables.campaign(campaignView(user, params), EnterpriseScope.of(user), locale));
		return "dashboard/campaign-print";
	}

	@GetMapping("/dashboard/export.csv")
	void campaignCsv(@AuthenticationPrincipal PortalUser user, @RequestParam Map<String, String> params, Locale locale,
			HttpServletResponse response) throws IOException {
		CampaignView view = campaignView(user, params);
		exported("campaign", "csv", view.filter());
		try (OutputStream out = download(response, "text/csv;charset=UTF-8", "qinglang-dashboard.csv")) {
			this.export.csv(this.export.campaignTables(view, locale), out);
		}
	}

	@GetMapping("/dashboard/export.xlsx")
	void campaignXlsx(@AuthenticationPrincipal PortalUser user, @RequestParam Map<String, String> params, Locale locale,
			HttpServletResponse response) throws IOException {
		CampaignView view = campaignView(user, params);
		exported("campaign", "xlsx", view.filter());
		try (OutputStream out = download(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				"qinglang-dashboard.xlsx")) {
			this.export.xlsx(this.export.campaignTables(view, locale), out);
		}
	}

	@GetMapping("/dashboard/export.pdf")
	void campaignPdf(@AuthenticationPrincipal PortalUser user, @RequestParam Map<String, String> params,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		CampaignView view = campaignView(user, params);
		// the view is computed (or cached) already: its lines are counted in memory
		List<ReportLine> lines = this.report.lines(view);
		this.reports.deliver(user, ReportFormat.PDF, this.report.title(view.filter()), lines.size(),
				DashboardRecipes.campaign(params, LocalDate.now(this.clock)), request, response);
	}

	@GetMapping("/dashboard/enterprises/{id}")
	String enterprise(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestParam Map<String, String> params, Model model, Locale locale) {
		EnterpriseView view = enterpriseView(user, id, params);
		model.addAllAttributes(this.variables.enterprise(view, drillBase(user), locale));
		// read fresh on every request: they change without the aggregates changing
		EnterpriseScope scope = EnterpriseScope.of(user);
		model.addAttribute("findings", this.inspections.recentFindings(scope, id, RECENT));
		model.addAttribute("orders", this.orders.ofEnterprise(scope, id, RECENT));
		model.addAttribute("freshness", this.freshness.of(id));
		model.addAttribute("today", LocalDate.now(this.clock));
		return "dashboard/enterprise";
	}

	@GetMapping("/my-enterprise/dashboard")
	String own(@AuthenticationPrincipal PortalUser user, @RequestParam Map<String, String> params, Model model,
			Locale locale) {
		return enterprise(user, user.enterpriseId(), params, model, locale);
	}

	@GetMapping({ "/dashboard/enterprises/{id}/export.xlsx", "/my-enterprise/dashboard/export.xlsx" })
	void enterpriseXlsx(@AuthenticationPrincipal PortalUser user, @PathVariable(required = false) Long id,
			@RequestParam Map<String, String> params, Locale locale, HttpServletResponse response) throws IOException {
		EnterpriseView view = enterpriseView(user, (id != null) ? id : user.enterpriseId(), params);
		exported(String.valueOf(view.enterprise().id()), "xlsx", view.filter());
		try (OutputStream out = download(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				"qinglang-enterprise-dashboard.xlsx")) {
			this.export.xlsx(this.export.enterpriseTables(view, locale), out);
		}
	}

	@GetMapping({ "/dashboard/enterprises/{id}/export.pdf", "/my-enterprise/dashboard/export.pdf" })
	void enterprisePdf(@AuthenticationPrincipal PortalUser user, @PathVariable(required = false) Long id,
			@RequestParam Map<String, String> params, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		EnterpriseView view = enterpriseView(user, (id != null) ? id : user.enterpriseId(), params);
		List<ReportLine> lines = this.report.lines(view);
		this.reports.deliver(user, ReportFormat.PDF,
				view.enterprise().nameZh() + " " + this.report.title(view.filter()), lines.size(),
				DashboardRecipes.enterprise(view.enterprise().id(), params, LocalDate.now(this.clock)), request,
				response);
	}

	private CampaignView campaignView(PortalUser user, Map<String, String> params) {
		return this.views.campaign(user, params, LocalDate.now(this.clock));
	}

	/** The enterprise's view, or 404 when the user may not see it (not 403: no hint). */
	private EnterpriseView enterpriseView(PortalUser user, Long id, Map<String, String> params) {
		if (id == null) {
			throw new NotFound();
		}
		return this.views.enterprise(user, id, params, LocalDate.now(this.clock)).orElseThrow(NotFound::new);
	}

	/** Exports are regulator actions on data: each one is in the audit log. */
	private void exported(String dashboard, String format, DashboardFilter filter) {
		this.audit.record(new AuditEvent("DASHBOARD_EXPORTED", "dashboard", dashboard, null,
				Map.of("format", format, "filter", filter.query())));
	}

	private static OutputStream download(HttpServletResponse response, String type, String name) throws IOException {
		response.setContentType(type);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
		return response.getOutputStream();
	}

	/**
	 * Where the lists behind a user's numbers are: a platform team's under its own path.
	 */
	static String drillBase(PortalUser user) {
		return (user.enterpriseId() != null) ? "/my-enterprise/dashboard" : "/dashboard";
	}

}
