package cn.qinglang.inspect.feed;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.qinglang.inspect.enterprise.Enterprise;
import cn.qinglang.inspect.system.NotFound;
import cn.qinglang.inspect.system.Page;
import cn.qinglang.inspect.system.PortalProperties;

/**
 * What the three views of a feed share (the administrator's, the inspector's and the
 * platform's own): the feed page, a run's progress, its rejects and their download. The
 * controllers decide who may see which enterprise; this only ever shows that one.
 */
@Component
class FeedPages {

	static final String VIEW_DETAIL = "feed/detail";

	static final String VIEW_REJECTS = "feed/rejects";

	private final Feeds feeds;

	private final DataFreshness freshness;

	private final PortalProperties portal;

	FeedPages(Feeds feeds, DataFreshness freshness, PortalProperties portal) {
		this.feeds = feeds;
		this.freshness = freshness;
		this.portal = portal;
	}

	/**
	 * @param base the URL of this feed page for the current role
	 * @param showRejects whether the role may see rejected records
	 */
	String detail(Enterprise enterprise, String base, boolean showRejects, Integer page, Model model) {
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("feed", this.feeds.ofEnterprise(enterprise.id()).orElse(null));
		model.addAttribute("freshness", this.freshness.of(enterprise.id()));
		model.addAttribute("runs", this.feeds.runs(enterprise.id(), Page.clampNumber(page), this.portal.pageSize()));
		model.addAttribute("base", base);
		model.addAttribute("showRejects", showRejects);
		model.addAttribute("pageLinkBase", base + "?page=");
		return VIEW_DETAIL;
	}

	Map<String, Object> progress(long enterpriseId, long runId) {
		FeedRun run = requireRun(enterpriseId, runId);
		Map<String, Object> progress = new LinkedHashMap<>();
		progress.put("id", run.id());
		progress.put("status", run.status());
		progress.put("running", run.running());
		progress.put("read", run.read());
		progress.put("written", run.written());
		progress.put("rejected", run.rejected());
		progress.put("expected", run.expected());
		progress.put("percent", run.percent());
		progress.put("rate", run.rate());
		progress.put("seconds", run.duration().toSeconds());
		progress.put("message", run.message());
		return progress;
	}

	String rejects(Enterprise enterprise, String base, long runId, Integer page, Model model) {
		FeedRun run = requireRun(enterprise.id(), runId);
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("run", run);
		model.addAttribute("base", base);
		model.addAttribute("page", this.feeds.rejects(runId, Page.clampNumber(page), this.portal.pageSize()));
		model.addAttribute("pageLinkBase", base + "/runs/" + runId + "/rejects?page=");
		return VIEW_REJECTS;
	}

	void rejectsCsv(long enterpriseId, long runId, HttpServletResponse response) throws IOException {
		requireRun(enterpriseId, runId);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"feed-run-" + runId + "-rejects.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		this.feeds.writeRejectsCsv(runId, out);
		out.flush();
	}

	private FeedRun requireRun(long enterpriseId, long runId) {
		return this.feeds.run(enterpriseId, runId).orElseThrow(NotFound::new);
	}

}
