package cn.qinglang.inspect.journey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.qinglang.inspect.journey.Pages.LoginPage;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of every role, at a laptop's and a phone's width, read by axe-core (WCAG 2.1
 * A and AA: no critical or serious violation, checked by {@link BrowserJourney} on every
 * page), with a skip link as the first stop of the keyboard, a title of its own and, for
 * the interface's page with its long tables, no sideways scrolling of the whole page.
 */
@PortalTest
class AccessibilityIT extends BrowserJourney {

	/**
	 * The enterprise whose platform team signs in ({@code yunfan}) and whose order is
	 * under review.
	 */
	private static final long ENTERPRISE = 3;

	private static final long ORDER_UNDER_REVIEW = 3;

	private static final long OPEN_SPOT_CHECK_INSPECTION = 2;

	/**
	 * The colours each ECharts chart draws its series and labels with (its options as
	 * ECharts resolved them; ECharts' own text defaults where a chart sets none), those
	 * under 3:1 against the background the chart sits on. Canvas is out of axe-core's
	 * reach.
	 */
	private static final String FAINT_CHART_COLOURS = """
			const probe = document.createElement('span');
			document.body.appendChild(probe);
			const rgb = (colour) => {
			  probe.style.color = ''; probe.style.color = colour;
			  return getComputedStyle(probe).color.match(/[\\d.]+/g).map(Number);
			};
			const luminance = (c) => {
			  const [r, g, b] = c.slice(0, 3).map((v) => v / 255)
			      .map((v) => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
			  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
			};
			const contrast = (a, b) => {
			  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
			  return (x + 0.05) / (y + 0.05);
			};
			const background = (element) => {
			  for (let e = element; e; e = e.parentElement) {
			    const c = getComputedStyle(e).backgroundColor.match(/[\\d.]+/g).map(Number);
			    if (c.length < 4 || c[3] > 0) { return c; }
			  }
			  return [255, 255, 255];
			};
			const faint = [];
			document.querySelectorAll('[data-chart]').forEach((element) => {
			  const chart = echarts.getInstanceByDom(element);
			  if (!chart) { faint.push(element.id + ': not drawn'); return; }
			  const option = chart.getOption();
			  const back = background(element);
			  const colours = [];
			  option.series.forEach((s, i) => colours.push(['series ' + i, option.color[i % option.color.length]]));
			  colours.push(['text', (option.textStyle || {}).color || '#333']);
			  (option.legend || []).forEach((l) => colours.push(['legend', (l.textStyle || {}).color || '#333']));
			  [...(option.xAxis || []), ...(option.yAxis || [])]
			      .forEach((a) => colours.push(['axis label', (a.axisLabel || {}).color || '#6E7079']));
			  option.series.filter((s) => s.markLine)
			      .forEach((s) => colours.push(['mark label', ((s.markLine.label || {}).color) || option.color[0]]));
			  colours.filter(([, c]) => contrast(rgb(c), back) < 3)
			      .forEach(([what, c]) => faint.push(element.id + ' ' + what + ' ' + c
			          + ' ' + contrast(rgb(c), back).toFixed(2) + ':1'));
			});
			probe.remove();
			return faint;""";

	/**
	 * Whether the first element the keyboard can reach, in the page's order, is a link to
	 * the content that shows itself when focused (a page may still focus its main field,
	 * as the sign-in page does).
	 */
	private static final String SKIP_LINK_FIRST = """
			const first = document.querySelector('a[href], area[href], button:not([disabled]), select, textarea, '
			    + 'input:not([type=hidden]):not([disabled]), [tabindex]:not([tabindex="-1"])');
			if (first == null || !first.matches('a.skip-link[href^="#"]')) { return false; }
			const before = document.activeElement;
			first.focus();
			const shown = first.getBoundingClientRect().width > 1 && document.activeElement === first;
			if (before) { before.focus(); }
			return shown && document.getElementById(first.getAttribute('href').substring(1)) != null;""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final List<View> views = new ArrayList<>();

	@Test
	void everyPageOfEveryRoleIsReadableAtDesktopAndPhoneWidth() throws Exception {
		String base = "http://localhost:" + this.port;
		Ids ids = recordsThePagesShow(base);
		Map<String, Map<String, String>> pages = pagesByRole(ids);
		int paths = pages.values().stream().mapToInt(Map::size).sum();
		assertThat(paths).isEqualTo(80);

		long start = System.nanoTime();
		for (Dimension window : List.of(Browser.DESKTOP, Browser.PHONE)) {
			driver.manage().window().setSize(window);
			pages.forEach((role, urls) -> {
				if (!role.equals("anonymous")) {
					LoginPage.open(driver, base).signIn(role, SignIn.DEMO_PASSWORD);
				}
				urls.forEach((path, url) -> visit(window, role, path, base + url));
				if (!role.equals("anonymous")) {
					EnforcementPages.signOut(driver);
				}
			});
		}

		System.out.printf("axe-core %s: %d page views in %d s, %d s of it in axe-core%n", Axe.VERSION,
				this.views.size(), Duration.ofNanos(System.nanoTime() - start).toSeconds(),
				pageChecks.axeTime().toSeconds());
		assertThat(this.views).hasSize(2 * paths);
		assertThat(pageChecks.checked()).as("pages read by axe-core")
			.containsAll(this.views.stream().map(View::checkedAs).toList());
		assertThat(this.views).as("on pages with the navigation, the keyboard's first stop is the skip link")
			.filteredOn((view) -> view.navigation() && !view.skipLinkFirst())
			.isEmpty();
		assertThat(this.views).as("pages with charts").filteredOn((view) -> view.charts() > 0).hasSize(8);
		assertThat(this.views).as("chart colours under 3:1 against the chart's background")
			.flatExtracting(View::faintChartColours)
			.isEmpty();
		assertThat(titlesSharedByTwoPaths()).as("titles shared by pages of different paths").isEmpty();
		assertThat(this.views).as("the interface's page fits the window")
			.filteredOn((view) -> view.path().equals("/feeds/interface"))
			.hasSize(6)
			.allSatisfy((view) -> assertThat(view.pageWidth()).isLessThanOrEqualTo(view.windowWidth()));
	}

	/**
	 * One feed run with a reject, a bulletin and a spot check, made as their users make
	 * them.
	 */
	private Ids recordsThePagesShow(String base) throws Exception {
		LoginPage.open(driver, base).signIn("yunfan", SignIn.DEMO_PASSWORD);
		driver.get(base + "/my-enterprise/feed");
		Path upload = Files.createTempFile("complaints", ".jsonl");
		Files.writeString(upload,
				complaint("a11y-1", credit(ENTERPRISE)) + "\n" + complaint("a11y-2", "91110000000000000X") + "\n",
				StandardCharsets.UTF_8);
		driver.findElement(By.id("file")).sendKeys(upload.toString());
		EnforcementPages.click(driver, driver.findElement(By.id("upload")));
		long run = new WebDriverWait(driver, Duration.ofSeconds(30)).until((d) -> this.jdbc
			.sql("SELECT MAX(id) FROM feed_run WHERE enterprise_id = :e AND status NOT IN ('STARTING', 'RUNNING')")
			.param("e", ENTERPRISE)
			.query(Long.class)
			.optional()
			.orElse(null));
		EnforcementPages.signOut(driver);

		LoginPage.open(driver, base).signIn("inspector", SignIn.DEMO_PASSWORD);
		driver.get(base + "/summary");
		driver.findElement(By.id("title")).sendKeys("无障碍检查通报");
		EnforcementPages.click(driver, driver.findElement(By.id("publish")));
		driver.findElement(By.id("bulletin-number"));
		long bulletin = idInAddress("/bulletins/");

		driver.get(base + "/inspections/" + OPEN_SPOT_CHECK_INSPECTION);
		driver.findElement(By.id("samples"))
			.sendKeys(Path.of("../label-checker/src/test/resources/corpus/png/labelled-text.png")
				.toAbsolutePath()
				.normalize()
				.toString());
		EnforcementPages.click(driver, driver.findElement(By.id("run-spot-check")));
		new WebDriverWait(driver, Duration.ofSeconds(30)).until((d) -> d.getCurrentUrl().contains("/spot-checks/"));
		long spotCheck = idInAddress("/spot-checks/");
		EnforcementPages.signOut(driver);
		return new Ids(run, bulletin, spotCheck,
				this.jdbc.sql("SELECT id FROM app_user WHERE username = 'inspector'").query(Long.class).single());
	}

	private static Map<String, Map<String, String>> pagesByRole(Ids ids) {
		Map<String, Map<String, String>> pages = new LinkedHashMap<>();
		pages.put("anonymous", paths("/login", "/login", "/login?error", "/login?error"));
		pages.put("admin", paths("/", "/", "/admin/enterprises", "/admin/enterprises", "/admin/enterprises/new",
				"/admin/enterprises/new", "/admin/enterprises/{id}/edit", "/admin/enterprises/" + ENTERPRISE + "/edit",
				"/admin/users", "/admin/users", "/admin/users/new", "/admin/users/new", "/admin/users/{id}/edit",
				"/admin/users/" + ids.user() + "/edit", "/admin/feeds", "/admin/feeds", "/admin/feeds/{id}/edit",
				"/admin/feeds/" + ENTERPRISE + "/edit", "/admin/feeds/{id}", "/admin/feeds/" + ENTERPRISE,
				"/admin/feeds/{id}/runs/{run}/rejects",
				"/admin/feeds/" + ENTERPRISE + "/runs/" + ids.feedRun() + "/rejects", "/admin/feeds/tokens",
				"/admin/feeds/tokens", "/admin/catalog", "/admin/catalog", "/admin/outbox", "/admin/outbox",
				"/notifications", "/notifications", "/account/password", "/account/password", "/feeds/interface",
				"/feeds/interface", "403", "/audit"));
		pages.put("inspector", paths("/", "/", "/dashboard", "/dashboard", "/dashboard/print", "/dashboard/print",
				"/dashboard/complaints", "/dashboard/complaints", "/dashboard/actions", "/dashboard/actions",
				"/dashboard/metrics", "/dashboard/metrics", "/dashboard/enterprises/{id}",
				"/dashboard/enterprises/" + ENTERPRISE, "/summary", "/summary", "/bulletins", "/bulletins",
				"/bulletins/{id}", "/bulletins/" + ids.bulletin(), "/enterprises", "/enterprises", "/enterprises/{id}",
				"/enterprises/" + ENTERPRISE, "/enterprises/{id}/feed", "/enterprises/" + ENTERPRISE + "/feed",
				"/enterprises/{id}/feed/runs/{run}/rejects",
				"/enterprises/" + ENTERPRISE + "/feed/runs/" + ids.feedRun() + "/rejects", "/inspections",
				"/inspections", "/inspections/new", "/inspections/new?enterprise=" + ENTERPRISE, "/inspections/{id}",
				"/inspections/" + OPEN_SPOT_CHECK_INSPECTION, "/inspections/{id}/spot-checks/{run}",
				"/inspections/" + OPEN_SPOT_CHECK_INSPECTION + "/spot-checks/" + ids.spotCheck(),
				"/inspections/{id}/orders/new", "/inspections/" + OPEN_SPOT_CHECK_INSPECTION + "/orders/new", "/orders",
				"/orders", "/orders/{id}", "/orders/" + ORDER_UNDER_REVIEW, "/exports", "/exports", "/notifications",
				"/notifications", "/account/password", "/account/password", "/feeds/interface", "/feeds/interface",
				"404", "/enterprises/999999", "400", "/inspections/new"));
		pages.put("executive",
				paths("/", "/", "/dashboard", "/dashboard", "/summary", "/summary", "/bulletins", "/bulletins",
						"/bulletins/{id}", "/bulletins/" + ids.bulletin(), "/enterprises", "/enterprises",
						"/enterprises/{id}", "/enterprises/" + ENTERPRISE, "/inspections", "/inspections",
						"/inspections/{id}", "/inspections/" + OPEN_SPOT_CHECK_INSPECTION, "/orders", "/orders",
						"/orders/{id}", "/orders/" + ORDER_UNDER_REVIEW, "/exports", "/exports", "/notifications",
						"/notifications", "403", "/admin/users"));
		pages.put("yunfan", paths("/", "/", "/my-enterprise", "/my-enterprise", "/my-enterprise/dashboard",
				"/my-enterprise/dashboard", "/my-enterprise/dashboard/complaints",
				"/my-enterprise/dashboard/complaints", "/my-enterprise/dashboard/actions",
				"/my-enterprise/dashboard/actions", "/my-enterprise/dashboard/metrics",
				"/my-enterprise/dashboard/metrics", "/my-enterprise/feed", "/my-enterprise/feed",
				"/my-enterprise/feed/runs/{run}/rejects", "/my-enterprise/feed/runs/" + ids.feedRun() + "/rejects",
				"/my-enterprise/orders", "/my-enterprise/orders", "/my-enterprise/orders/{id}",
				"/my-enterprise/orders/" + ORDER_UNDER_REVIEW, "/exports", "/exports", "/notifications",
				"/notifications", "/account/password", "/account/password", "/feeds/interface", "/feeds/interface",
				"403", "/dashboard"));
		pages.put("auditor",
				paths("/", "/", "/audit", "/audit", "/account/password", "/account/password", "403", "/enterprises"));
		return pages;
	}

	/**
	 * Pairs of a path as the controllers map it (or an error status) and the address
	 * visited.
	 */
	private static Map<String, String> paths(String... pathAndUrl) {
		Map<String, String> paths = new LinkedHashMap<>();
		for (int i = 0; i < pathAndUrl.length; i += 2) {
			paths.put(pathAndUrl[i], pathAndUrl[i + 1]);
		}
		return paths;
	}

	private void visit(Dimension window, String role, String path, String url) {
		driver.get(url);
		JavascriptExecutor page = (JavascriptExecutor) driver;
		String checkedAs = (String) page.executeScript("return location.pathname + location.search;");
		boolean skipLinkFirst = Boolean.TRUE.equals(page.executeScript(SKIP_LINK_FIRST));
		// by script, not findElements: the implicit wait would hold every page without
		// one for seconds
		boolean navigation = (Boolean) page.executeScript("return document.querySelector('nav.navbar') != null;");
		long pageWidth = (Long) page.executeScript("return document.documentElement.scrollWidth;");
		long windowWidth = (Long) page.executeScript("return window.innerWidth;");
		int charts = ((Long) page.executeScript("return document.querySelectorAll('[data-chart]').length;")).intValue();
		@SuppressWarnings("unchecked")
		List<String> faint = (charts > 0) ? (List<String>) page.executeScript(FAINT_CHART_COLOURS) : List.of();
		this.views.add(new View(window.getWidth(), role, path, checkedAs, driver.getTitle(), navigation, skipLinkFirst,
				pageWidth, windowWidth, charts, faint));
	}

	/**
	 * Titles that two different paths (the query aside) of one role show at one width.
	 */
	private Map<String, Set<String>> titlesSharedByTwoPaths() {
		return this.views.stream()
			.collect(Collectors.groupingBy((view) -> view.role() + " " + view.width() + " " + view.title(),
					Collectors.mapping((view) -> view.path().replaceFirst("\\?.*", ""),
							Collectors.toCollection(TreeSet::new))))
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().size() > 1)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static long idInAddress(String marker) {
		String url = driver.getCurrentUrl();
		String rest = url.substring(url.indexOf(marker) + marker.length());
		return Long.parseLong(rest.replaceAll("[^0-9].*$", ""));
	}

	private String credit(long enterpriseId) {
		return this.jdbc.sql("SELECT credit_code FROM enterprise WHERE id = :e")
			.param("e", enterpriseId)
			.query(String.class)
			.single();
	}

	private static String complaint(String id, String credit) {
		return "{\"type\":\"complaint\",\"id\":\"" + id + "\",\"enterprise\":\"" + credit
				+ "\",\"received_at\":\"2026-05-20T09:30:00+08:00\",\"category\":\"RUMOR\",\"content_type\":\"TEXT\","
				+ "\"channel\":\"WEB_FORM\",\"status\":\"RECEIVED\"}";
	}

	private record Ids(long feedRun, long bulletin, long spotCheck, long user) {
	}

	private record View(int width, String role, String path, String checkedAs, String title, boolean navigation,
			boolean skipLinkFirst, long pageWidth, long windowWidth, int charts, List<String> faintChartColours) {
	}

}
