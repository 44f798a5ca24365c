package cn.qinglang.inspect.bulletin;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.qinglang.inspect.dashboard.DashboardFilter;
import cn.qinglang.inspect.dashboard.DashboardService;
import cn.qinglang.inspect.enterprise.EnterpriseScope;
import cn.qinglang.inspect.report.ReportExports;
import cn.qinglang.inspect.report.ReportFormat;
import cn.qinglang.inspect.report.ReportLine;
import cn.qinglang.inspect.security.PortalUser;
import cn.qinglang.inspect.system.NotFound;

/**
 * The typical-issue summary (inspectors and executives read it; inspectors publish it)
 * and the office's bulletins.
 */
@Controller
class BulletinController {

	private final BulletinService bulletins;

	private final DashboardService dashboards;

	private final Clock clock;

	private final BulletinReport report;

	private final ReportExports exports;

	private final BulletinRecipe recipe;

	BulletinController(BulletinService bulletins, DashboardService dashboards, Clock clock, BulletinReport report,
			ReportExports exports, BulletinRecipe recipe) {
		this.recipe = recipe;
		this.bulletins = bulletins;
		this.dashboards = dashboards;
		this.clock = clock;
		this.report = report;
		this.exports = exports;
	}

	@GetMapping("/summary")
	String summary(@AuthenticationPrincipal PortalUser user, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "false") boolean anonymised, Model model) {
		DashboardFilter filter = filter(params);
		model.addAttribute("filter", filter);
		model.addAttribute("query", filter.query());
		model.addAttribute("anonymised", anonymised);
		model.addAttribute("summary", this.bulletins.summary(user, filter, anonymised, LocalDate.now(this.clock)));
		model.addAttribute("presets", DashboardFilter.Preset.values());
		model.addAttribute("options", this.dashboards.options(EnterpriseScope.of(user), filter));
		return "bulletin/summary";
	}

	@PostMapping("/summary/publish")
	String publish(@AuthenticationPrincipal PortalUser user, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "false") boolean anonymised, @RequestParam(defaultValue = "") String title,
			RedirectAttributes redirect) {
		long id = this.bulletins.publish(user, filter(params), anonymised, title, LocalDate.now(this.clock));
		redirect.addFlashAttribute("message", "bulletin.published");
		return "redirect:/bulletins/" + id;
	}

	@GetMapping("/bulletins")
	String list(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("bulletins", this.bulletins.list(user));
		model.addAttribute("zone", this.clock.getZone());
		return "bulletin/list";
	}

	@GetMapping({ "/bulletins/{id}.pdf", "/bulletins/{id}.docx" })
	void download(@AuthenticationPrincipal PortalUser user, @PathVariable long id, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Bulletin bulletin = this.bulletins.find(user, id).orElseThrow(NotFound::new);
		ReportFormat format = request.getRequestURI().endsWith(".docx") ? ReportFormat.DOCX : ReportFormat.PDF;
		// laid out once from the frozen summary: counted here, printed by the fill
		List<ReportLine> lines = this.report.lines(bulletin);
		this.exports.deliver(user, format, bulletin.number() + " " + bulletin.title(), lines.size(),
				this.recipe.of(bulletin), request, response);
	}

	@GetMapping("/bulletins/{id}")
	String show(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model) {
		model.addAttribute("bulletin", this.bulletins.find(user, id).orElseThrow(NotFound::new));
		model.addAttribute("zone", this.clock.getZone());
		return "bulletin/show";
	}

	private DashboardFilter filter(Map<String, String> params) {
		return DashboardFilter.parse(params, LocalDate.now(this.clock), this.dashboards.properties().campaignStart());
	}

}
