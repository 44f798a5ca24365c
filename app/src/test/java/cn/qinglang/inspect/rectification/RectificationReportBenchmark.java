package cn.qinglang.inspect.rectification;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Arrays;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import cn.qinglang.inspect.bench.BenchPremise;
import cn.qinglang.inspect.report.ReportFormat;
import cn.qinglang.inspect.report.Watermark;
import cn.qinglang.inspect.report.ReportRenderer;

/**
 * {@code bash .ci/bench reports}: fills and exports the enterprise rectification report
 * with 20 findings and 100 evidence items to PDF (watermark, embedded CJK font), as the
 * download does but without the database reads. Prints the first (cold) run and the
 * median of the warm runs, which is the figure compared.
 */
public final class RectificationReportBenchmark {

	private RectificationReportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int findings = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		int evidence = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		int runs = 10;
		RectificationReportLayout layout = SampleReports.layout();
		ReportRenderer renderer = SampleReports.renderer();
		Watermark watermark = new Watermark("王检查（inspector）", "2026-06-20 09:30");
		RectificationReportData data = SampleReports.data(findings, evidence);
		long evidenceItems = data.measures()
			.stream()
			.flatMap((measure) -> measure.submissions().stream())
			.mapToLong((submission) -> submission.files().size())
			.sum();
		BenchPremise.require(data.findings().size() == findings && evidenceItems == evidence,
				"the sample order has " + data.findings().size() + " findings and " + evidenceItems
						+ " evidence items, not the " + findings + " and " + evidence + " measured");
		long[] millis = new long[runs + 1];
		byte[] pdf = new byte[0];
		for (int run = 0; run <= runs; run++) {
			long start = System.nanoTime();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			renderer.render(layout.document(data, LocalDate.of(2026, 6, 20)), ReportFormat.PDF, watermark, out);
			millis[run] = (System.nanoTime() - start) / 1_000_000;
			pdf = out.toByteArray();
		}
		long cold = millis[0];
		long[] warm = Arrays.copyOfRange(millis, 1, runs + 1);
		Arrays.sort(warm);
		long median = warm[warm.length / 2];
		try (PDDocument document = Loader.loadPDF(pdf)) {
			System.out.printf("enterprise report: %d findings, %d evidence items, %d pages, %,d bytes of PDF%n",
					findings, evidence, document.getNumberOfPages(), pdf.length);
		}
		System.out.printf("enterprise_report_cold_ms=%d (first run: class loading, font parsing)%n", cold);
		System.out.printf("enterprise_report_ms=%d (median of %d warm runs; max %d)%n", median, runs,
				warm[warm.length - 1]);
	}

}
