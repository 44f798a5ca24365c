package cn.qinglang.inspect.journey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.web.server.LocalServerPort;

import cn.qinglang.inspect.journey.EnforcementPages.InspectionPage;
import cn.qinglang.inspect.journey.EnforcementPages.NewInspectionPage;
import cn.qinglang.inspect.journey.EnforcementPages.OrderPage;
import cn.qinglang.inspect.journey.Pages.LoginPage;
import cn.qinglang.inspect.support.PortalTest;
import cn.qinglang.inspect.support.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop in a real browser: the inspector opens an inspection, records two
 * findings and issues an order; the platform submits evidence; the inspector returns one
 * measure; the platform resubmits; the inspector accepts; the order closes; the hashes
 * shown are those of the files.
 */
@PortalTest
class EnforcementJourneyIT extends BrowserJourney {

	@LocalServerPort
	int port;

	@TempDir
	Path files;

	@Test
	void findingToClosedOrder() throws Exception {
		String base = "http://localhost:" + this.port;
		Path screenshot = write("截图.png", pngBytes());
		Path report = write("整改报告.txt", "显式标识已在导出文件中保留。");
		Path metadata = write("元数据核验.txt", "隐式标识写入 XMP，见附件。");
		Path again = write("元数据核验-补充.txt", "补充：已按附录E写入 AIGC 字段并抽检 100 条。");
		String yesterday = LocalDate.now().minusDays(1).toString();

		LoginPage.open(driver, base).signIn("inspector", SignIn.DEMO_PASSWORD);
		InspectionPage inspection = NewInspectionPage.fromEnterprise(driver, base, 1)
			.open("LABEL_SPOT_CHECK", "抽检导出图片的显式与隐式标识")
			.recordFinding("GEN-02", "导出图片丢失显式标识", screenshot)
			.recordFinding("GEN-03", "元数据缺少 AIGC 字段", screenshot);
		assertThat(inspection.findingCount()).isEqualTo(2);
		OrderPage order = inspection.issueOrderWithFindingMeasuresOnly();
		String orderUrl = driver.getCurrentUrl();
		String number = order.number();
		assertThat(number).startsWith("京网信整改〔");
		Browser.screenshot(driver, "order-issued");
		EnforcementPages.signOut(driver);

		LoginPage.open(driver, base).signIn("qingqiong", SignIn.DEMO_PASSWORD);
		String platformUrl = orderUrl.replace("/orders/", "/my-enterprise/orders/");
		OrderPage mine = OrderPage.open(driver, platformUrl);
		assertThat(mine.number()).isEqualTo(number);
		mine.submitEvidence(1, "导出文件已保留显式标识", yesterday, report).submitEvidence(2, "已写入隐式标识", yesterday, metadata);
		EnforcementPages.signOut(driver);

		LoginPage.open(driver, base).signIn("inspector", SignIn.DEMO_PASSWORD);
		OrderPage.open(driver, orderUrl).accept(1).returnWith(2, "请提供抽检记录");
		EnforcementPages.signOut(driver);

		LoginPage.open(driver, base).signIn("qingqiong", SignIn.DEMO_PASSWORD);
		OrderPage.open(driver, platformUrl).submitEvidence(2, "补充抽检记录", yesterday, again);
		EnforcementPages.signOut(driver);

		LoginPage.open(driver, base).signIn("inspector", SignIn.DEMO_PASSWORD);
		OrderPage closed = OrderPage.open(driver, orderUrl).accept(2);
		assertThat(closed.status()).isEqualTo("已结案");
		assertThat(closed.measureStatuses()).containsOnly("已通过");
		assertThat(closed.shownSha256()).contains(sha256(report), sha256(metadata), sha256(again));
		Browser.screenshot(driver, "order-closed");
		EnforcementPages.signOut(driver);
	}

	private Path write(String name, String text) throws Exception {
		return write(name, text.getBytes(StandardCharsets.UTF_8));
	}

	private Path write(String name, byte[] content) throws Exception {
		return Files.write(this.files.resolve(name), content);
	}

	private static String sha256(Path file) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

	/** The smallest valid PNG: 1x1 pixel. */
	private static byte[] pngBytes() {
		return HexFormat.of()
			.parseHex(
					"89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e20000000049454e44ae426082");
	}

}
