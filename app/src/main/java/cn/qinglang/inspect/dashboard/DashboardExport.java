package cn.qinglang.inspect.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.qinglang.inspect.system.CsvCells;

/**
 * The tables of a dashboard view, written as CSV or XLSX. Numbers stay numbers; text that
 * a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage
 * return) is neutralised with a leading apostrophe.
 */
@Component
class DashboardExport {

	private final MessageSource messages;

	DashboardExport(MessageSource messages) {
		this.messages = messages;
	}

	/** A titled table: a header row and rows of text or numbers (null: empty cell). */
	record Table(String title, List<String> headers, List<List<Object>> rows) {
	}

	List<Table> campaignTables(CampaignView view, Locale locale) {
		List<Table> tables = new ArrayList<>();
		tables.add(kpiTable(view.kpis(), view.filter(), locale));
		tables.add(weekTable(view.weeks(), locale));
		tables.add(categoryTable(view.categories(), locale));
		tables.add(actionTable(view.actions(), locale));
		tables.add(new Table(label("dashboard.league", locale), List.of(label("dashboard.rank", locale),
				label("dashboard.enterprise", locale), label("dashboard.jurisdiction", locale),
				label("dashboard.score", locale), label("dashboard.kpi.explicitRate", locale),
				label("dashboard.kpi.implicitRate", locale), label("dashboard.kpi.verificationRate", locale),
				label("dashboard.kpi.complaintsReceived", locale), label("dashboard.kpi.handledInTime", locale)),
				view.league()
					.stream()
					.map((row) -> List.<Object>of(row.rank(), row.enterprise().name(locale),
							row.enterprise().jurisdiction(locale), orEmpty(Rounded.oneDecimal(row.score())),
							orEmpty(Rounded.percent(row.figures().explicitRate())),
							orEmpty(Rounded.percent(row.figures().implicitRate())),
							orEmpty(Rounded.percent(row.figures().verificationRate())),
							row.figures().complaintsReceived(),
							orEmpty(Rounded.percent(row.figures().handledInTimeShare()))))
					.toList()));
		tables.add(new Table(label("dashboard.jurisdictions", locale),
				List.of(label("dashboard.jurisdiction", locale), label("dashboard.enterprises", locale),
						label("dashboard.meanScore", locale), label("dashboard.laggards", locale)),
				view.jurisdictions()
					.stream()
					.map((row) -> List.<Object>of(row.name(locale), row.enterprises(),
							orEmpty(Rounded.oneDecimal(row.meanScore())), row.laggards()))
					.toList()));
		return tables;
	}

	List<Table> enterpriseTables(EnterpriseView view, Locale locale) {
		List<Table> tables = new ArrayList<>();
		tables.add(kpiTable(view.kpis(), view.filter(), locale));
		PeerComparison peers = view.peers();
		tables.add(new Table(label("dashboard.peers", locale),
				List.of(label("dashboard.score", locale), label("dashboard.rank", locale),
						label("dashboard.percentile", locale), label("dashboard.peerCount", locale),
						label("dashboard.peerMeanScore", locale)),
				List.of(List.of(orEmpty(Rounded.oneDecimal(view.score())), orEmpty(peers.rank()),
						orEmpty(Rounded.oneDecimal(peers.percentile())), peers.scoredPeers(),
						orEmpty(Rounded.oneDecimal(peers.meanScore()))))));
		tables.add(weekTable(view.weeks(), locale));
		tables.add(categoryTable(view.categories(), locale));
		tables.add(actionTable(view.actions(), locale));
		return tables;
	}

	void csv(List<Table> tables, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		// a byte order mark, so that spreadsheet software reads the Chinese as UTF-8
		writer.write('\uFEFF');
		for (Table table : tables) {
			writer.write(csvRow(List.of(table.title())));
			writer.write(csvRow(new ArrayList<>(table.headers())));
			for (List<Object> row : table.rows()) {
				writer.write(csvRow(row));
			}
			writer.write("\r\n");
		}
		writer.flush();
	}

	void xlsx(List<Table> tables, OutputStream out) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			for (Table table : tables) {
				Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
				int rowNumber = 0;
				write(sheet.createRow(rowNumber++), List.copyOf(table.headers()));
				for (List<Object> values : table.rows()) {
					write(sheet.createRow(rowNumber++), values);
				}
			}
			workbook.write(out);
			workbook.dispose();
		}
	}

	private Table kpiTable(List<Kpi> kpis, DashboardFilter filter, Locale locale) {
		String period = filter.period().from() + " – " + filter.period().to();
		return new Table(label("dashboard.kpis", locale),
				List.of(label("dashboard.kpi", locale), label("dashboard.period", locale),
						label("dashboard.value", locale), label("dashboard.previous", locale),
						label("dashboard.change", locale), label("dashboard.unit", locale)),
				kpis.stream()
					.map((kpi) -> List.<Object>of(label("dashboard.kpi." + kpi.code(), locale), period,
							orEmpty(scaled(kpi, kpi.value())), orEmpty(scaled(kpi, kpi.previous())),
							orEmpty(Rounded.oneDecimal(kpi.change())), label("dashboard.unit." + kpi.unit(), locale)))
					.toList());
	}

	private Table weekTable(List<WeekPoint> weeks, Locale locale) {
		return new Table(label("dashboard.trend", locale),
				List.of(label("dashboard.week", locale), label("dashboard.kpi.explicitRate", locale),
						label("dashboard.kpi.implicitRate", locale), label("dashboard.kpi.verificationRate", locale),
						label("dashboard.kpi.complaintsReceived", locale),
						label("dashboard.kpi.complaintsHandled", locale)),
				weeks.stream()
					.map((week) -> List.<Object>of(week.week().toString(),
							orEmpty(Rounded.percent(week.explicitRate())),
							orEmpty(Rounded.percent(week.implicitRate())),
							orEmpty(Rounded.percent(week.verificationRate())), week.complaintsReceived(),
							week.complaintsHandled()))
					.toList());
	}

	private Table categoryTable(List<CategoryRow> rows, Locale locale) {
		return new Table(label("dashboard.categories", locale),
				List.of(label("dashboard.category", locale), label("dashboard.campaignCategory", locale),
						label("dashboard.kpi.complaintsReceived", locale),
						label("dashboard.kpi.complaintsHandled", locale)),
				rows.stream()
					.map((row) -> List.<Object>of(label("dashboard.category." + row.category(), locale),
							(row.campaignCategory() != null) ? label("feed.campaign." + row.campaignCategory(), locale)
									: "",
							row.received(), row.handled()))
					.toList());
	}

	private Table actionTable(List<ActionRow> rows, Locale locale) {
		return new Table(label("dashboard.actions", locale),
				List.of(label("dashboard.actionType", locale), label("dashboard.actor", locale),
						label("dashboard.records", locale), label("dashboard.items", locale),
						label("dashboard.amount", locale)),
				rows.stream()
					.map((row) -> List.<Object>of(label("dashboard.actionType." + row.type(), locale),
							label("dashboard.actor." + row.actor(), locale), row.records(), row.items(), row.amount()))
					.toList());
	}

	private static String csvRow(List<Object> values) {
		return values.stream().map(CsvCells::cell).collect(Collectors.joining(",")) + "\r\n";
	}

	private static void write(Row row, List<Object> values) {
		for (int i = 0; i < values.size(); i++) {
			Object value = values.get(i);
			Cell cell = row.createCell(i);
			if (value instanceof BigDecimal decimal) {
				cell.setCellValue(decimal.doubleValue());
			}
			else if (value instanceof Number number) {
				cell.setCellValue(number.doubleValue());
			}
			else if (value != null) {
				cell.setCellValue(CsvCells.neutralised(value.toString()));
			}
		}
	}

	/** A KPI's value as shown: rates in percent. */
	private static Double scaled(Kpi kpi, Double value) {
		return (kpi.unit() == Kpi.Unit.RATE) ? Rounded.percent(value) : Rounded.oneDecimal(value);
	}

	private static Object orEmpty(Object value) {
		return (value != null) ? value : "";
	}

	private String label(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

}
