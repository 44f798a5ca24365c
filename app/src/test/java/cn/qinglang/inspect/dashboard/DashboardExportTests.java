package cn.qinglang.inspect.dashboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import cn.qinglang.inspect.system.CsvCells;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardExportTests {

	@Test
	void textThatASpreadsheetWouldRunIsNeutralised() {
		assertThat(CsvCells.neutralised("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(CsvCells.neutralised("+1")).isEqualTo("'+1");
		assertThat(CsvCells.neutralised("-2")).isEqualTo("'-2");
		assertThat(CsvCells.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvCells.neutralised("\tx")).isEqualTo("'\tx");
		assertThat(CsvCells.neutralised("北京青穹")).isEqualTo("北京青穹");
	}

	@Test
	void csvQuotesTextNeutralisesFormulasAndKeepsNumbers() throws Exception {
		DashboardExport export = new DashboardExport(new StaticMessageSource());
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		export.csv(List.of(new DashboardExport.Table("t", List.of("name", "value"),
				List.of(List.of("=cmd|' /C calc'!A0", -3.5), List.of("a, \"b\"", 7L)))), out);

		assertThat(out.toString(StandardCharsets.UTF_8))
			.isEqualTo("\uFEFFt\r\nname,value\r\n'=cmd|' /C calc'!A0,-3.5\r\n\"a, \"\"b\"\"\",7\r\n\r\n");
	}

}
