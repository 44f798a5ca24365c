package cn.qinglang.inspect.bulletin;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import cn.qinglang.inspect.bench.BenchApplication;
import cn.qinglang.inspect.bench.BenchPremise;
import cn.qinglang.inspect.dashboard.DashboardFilter;
import cn.qinglang.inspect.dashboard.DashboardService;
import cn.qinglang.inspect.report.PdfChecks;
import cn.qinglang.inspect.report.ReportFormat;
import cn.qinglang.inspect.report.ReportRenderer;
import cn.qinglang.inspect.report.Watermark;
import cn.qinglang.inspect.security.PortalUser;

/**
 * {@code bash .ci/bench reports} (second part): the campaign bulletin of the whole
 * campaign over every enterprise of the generated national-scale data set, published
 * (summary and dashboard numbers computed from the aggregates, nothing cached) and
 * exported to PDF as the download does. The first run is in a fresh application; three
 * more follow, each after the view cache is invalidated. The heap is the sum of the heap
 * pools' peaks during the first run (an upper bound), under the cap the script sets.
 */
public final class BulletinBenchmark {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private BulletinBenchmark() {
	}

	/**
	 * @param args the generated data's folder
	 */
	public static void main(String[] args) throws Exception {
		Map<String, Long> generated = BenchPremise.generatedSet(Path.of(args[0]));
		try (ConfigurableApplicationContext context = BenchApplication.start(args[0])) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			BenchPremise.requireRows(jdbc, generated);
			BulletinService bulletins = context.getBean(BulletinService.class);
			BulletinReport report = context.getBean(BulletinReport.class);
			ReportRenderer renderer = context.getBean(ReportRenderer.class);
			DashboardService dashboards = context.getBean(DashboardService.class);
			// an inspector of the national office, whose bulletin covers every enterprise
			// of
			// the data set (the demo inspector's municipal office sees Beijing's 142)
			jdbc.sql(
					"""
							INSERT IGNORE INTO app_user (username, display_name, email, password_hash, role, jurisdiction_code)
							VALUES ('bench-national', '基准（国家网信办）', 'bench-national@example.invalid', '{noop}-', 'INSPECTOR', '000000')""")
				.update();
			PortalUser inspector = (PortalUser) context.getBean(UserDetailsService.class)
				.loadUserByUsername("bench-national");
			LocalDate today = LocalDate.now(ZONE);
			DashboardFilter campaign = DashboardFilter.parse(Map.of("preset", "CAMPAIGN"), today,
					dashboards.properties().campaignStart());
			Path pdf = Files.createDirectories(Path.of("target")).resolve("bench-bulletin.pdf");

			List<Double> runs = new ArrayList<>();
			long heapMb = 0;
			for (int run = 0; run < 4; run++) {
				System.gc();
				List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
					.stream()
					.filter((pool) -> pool.getType() == MemoryType.HEAP)
					.toList();
				heap.forEach(MemoryPoolMXBean::resetPeakUsage);
				// a new aggregate version: the dashboard numbers are computed again each
				// run
				jdbc.sql("UPDATE aggregate_version SET version = version + 1 WHERE id = 1").update();
				long start = System.nanoTime();
				long id = bulletins.publish(inspector, campaign, false, "清朗专项行动AI内容标识情况通报（基准）", today);
				Bulletin bulletin = bulletins.find(inspector, id).orElseThrow();
				try (OutputStream out = Files.newOutputStream(pdf)) {
					renderer.render(report.document(bulletin), ReportFormat.PDF,
							Watermark.of("基准（bench-national）", Instant.now(), ZONE), out);
				}
				double ms = (System.nanoTime() - start) / 1e6;
				long peak = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024);
				if (run == 0) {
					heapMb = peak;
				}
				runs.add(ms);
				try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
					System.out.printf(Locale.ROOT,
							"bulletin run %d: %s, league=%d enterprises, lines=%d, pages=%d, pdf_kb=%d, ms=%.0f, heap_peak_mb=%d%n",
							run + 1, bulletin.number(), bulletin.summary().statistics().league().size(),
							report.lines(bulletin).size(), document.getNumberOfPages(), Files.size(pdf) / 1024, ms,
							peak);
				}
			}
			// the README's pictures of a bulletin: cover, figures, charts, the league
			// table
			try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
				int league = PdfChecks.pageWith(document, "七、企业合规排名");
				for (int page : new int[] { 1, 2, 3, league }) {
					ImageIO.write(new PDFRenderer(document).renderImageWithDPI(page - 1, 80), "png",
							pdf.resolveSibling("bench-bulletin-" + page + ".png").toFile());
				}
			}
			List<Double> warm = new ArrayList<>(runs.subList(1, runs.size()));
			Collections.sort(warm);
			System.out.printf(Locale.ROOT,
					"bulletin_ms=%.0f bulletin_warm_median_ms=%.0f bulletin_heap_mb=%d max_heap_mb=%d%n", runs.get(0),
					warm.get(warm.size() / 2), heapMb, Runtime.getRuntime().maxMemory() / (1024 * 1024));
		}
	}

}
