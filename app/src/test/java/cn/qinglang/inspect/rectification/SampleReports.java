package cn.qinglang.inspect.rectification;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;

import cn.qinglang.inspect.catalog.Severity;
import cn.qinglang.inspect.enterprise.Enterprise;
import cn.qinglang.inspect.enterprise.EnterpriseKind;
import cn.qinglang.inspect.enterprise.EnterpriseStatus;
import cn.qinglang.inspect.inspection.Finding;
import cn.qinglang.inspect.inspection.Inspection;
import cn.qinglang.inspect.inspection.InspectionKind;
import cn.qinglang.inspect.jurisdiction.Jurisdiction;
import cn.qinglang.inspect.labelcheck.SpotChecks;
import cn.qinglang.labelcheck.ProblemCode;
import cn.qinglang.inspect.report.ReportRenderer;
import cn.qinglang.inspect.report.TestRenderers;

/**
 * A rectification report's data made up in memory, of any size, without Spring or a
 * database: for the renderer's tests, the benchmark and the README's picture.
 */
final class SampleReports {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final String ENTERPRISE = "北京青穹大模型科技有限公司";

	static final String ORDER_NUMBER = "京网信整改〔2026〕17号";

	private static final Instant ISSUED = Instant.parse("2026-06-02T02:00:00Z");

	private SampleReports() {
	}

	static RectificationReportLayout layout() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "messages-inspection", "messages-labelcheck", "messages-report");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new RectificationReportLayout(messages, ZONE);
	}

	static ReportRenderer renderer() {
		return TestRenderers.renderer();
	}

	/**
	 * An order citing {@code findings} findings, its evidence {@code files} files over
	 * six measures.
	 */
	static RectificationReportData data(int findings, int files) {
		Jurisdiction beijing = new Jurisdiction("110000", "000000", "PROVINCE", "北京市", "Beijing", "北京市互联网信息办公室",
				"Beijing Cyberspace Administration", "京网信", "/000000/110000/");
		Jurisdiction haidian = new Jurisdiction("110108", "110000", "DISTRICT", "海淀区", "Haidian", "海淀区互联网信息办公室",
				"Haidian Cyberspace Administration", "海网信", "/000000/110000/110108/");
		Enterprise enterprise = new Enterprise(1, "qingqiong", ENTERPRISE,
				"Beijing Qingqiong Large Model Technology Co., Ltd.", "91110108MA5FERE68F",
				EnterpriseKind.GENERATION_PROVIDER, "网信算备110108027862601240071号", haidian, EnterpriseStatus.ACTIVE,
				ISSUED, ISSUED);
		Inspection inspection = new Inspection(7, 1, ENTERPRISE, "110000", InspectionKind.LABEL_SPOT_CHECK,
				LocalDate.of(2026, 5, 28), "王检查、赵海淀", "生成合成内容显式标识与隐式标识落实情况", false, null, "inspector",
				ISSUED.minusSeconds(86400 * 5), ISSUED.minusSeconds(86400));
		List<Finding> cited = new ArrayList<>();
		for (int i = 1; i <= findings; i++) {
			cited.add(new Finding(i, 7, "GEN-0" + (1 + i % 4), "导出文件未保留显式标识", "Exported files lose the explicit label",
					"第 " + i + " 项：抽检样本中的AI生成图片导出后显式标识丢失，未在文件元数据中添加隐式标识。", Severity.HIGH,
					"《人工智能生成合成内容标识办法》第四条、第五条；GB 45438-2025 第 5 章", null, "inspector", ISSUED, List.of()));
		}
		RectificationOrder order = new RectificationOrder(17, ORDER_NUMBER, "110000", 1, ENTERPRISE, 7,
				Disposition.FINE, new BigDecimal("50000"), LocalDate.of(2026, 6, 17), OrderStatus.IN_RECTIFICATION,
				null, "inspector", ISSUED, null);
		int measures = 6;
		List<Measure> measured = new ArrayList<>();
		int made = 0;
		for (int m = 1; m <= measures; m++) {
			int count = files / measures + ((m <= files % measures) ? 1 : 0);
			List<Submission.EvidenceFile> evidence = new ArrayList<>();
			for (int f = 0; f < count; f++, made++) {
				String name = "整改证据-" + m + "-" + (f + 1) + ".pdf";
				evidence.add(new Submission.EvidenceFile(made, name, 10_240L * (made + 1), "application/pdf",
						sha256(name), sha256("sm3:" + name)));
			}
			Submission submission = new Submission(m, m, 1, "已上线标识核验功能，发布前强制校验隐式标识，详见附件截图与日志。",
					LocalDate.of(2026, 6, 10), "qingqiong", ISSUED.plusSeconds(86400L * 7), "ACCEPTED", "材料齐全，同意。",
					"inspector", ISSUED.plusSeconds(86400L * 8), evidence);
			measured.add(new Measure(m, 17, m, "整改措施 " + m + "：升级标识技术，确保标识不可篡改、可追溯", MeasureStatus.ACCEPTED, 2,
					List.of(submission)));
		}
		List<Extension> extensions = List.of(new Extension(1, 17, LocalDate.of(2026, 6, 30), "需完成全量历史内容补标", "qingqiong",
				ISSUED.plusSeconds(86400L * 3), "REFUSED", "期限内可完成", "inspector", ISSUED.plusSeconds(86400L * 4)));
		List<OrderEvent> timeline = List.of(new OrderEvent(ISSUED, "inspector", "ORDER_ISSUED", ORDER_NUMBER),
				new OrderEvent(ISSUED.plusSeconds(86400L * 7), "qingqiong", "EVIDENCE_SUBMITTED", "措施 1 第 1 版"),
				new OrderEvent(ISSUED.plusSeconds(86400L * 8), "inspector", "SUBMISSION_ACCEPTED", "措施 1 第 1 版"));
		SpotChecks.Run run = new SpotChecks.Run(3, 7, "qinglang-labelcheck 1.0", false, "inspector",
				ISSUED.minusSeconds(86400 * 5), 40, 31, 7, 2);
		List<SpotChecks.Summary> spotChecks = List.of(new SpotChecks.Summary(run,
				Map.of(ProblemCode.IMPLICIT_LABEL_MISSING, 5, ProblemCode.NON_STANDARD_PLACE, 2)));
		return new RectificationReportData(beijing, order, enterprise, List.of(inspection), cited, measured, extensions,
				timeline, spotChecks);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
