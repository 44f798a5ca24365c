package cn.qinglang.reports.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChartTests {

	private static final int WIDTH = 400;

	private static final int HEIGHT = 200;

	@Test
	void barsAreAsLongAsTheirValues() {
		BarChart chart = new BarChart(List.of("未标识", "仿冒"), List.of(new Series("投诉", List.of(100.0, 50.0))), false);

		BufferedImage image = draw(chart);

		int first = colouredRun(image, HEIGHT / 4, Chart.color(0));
		int second = colouredRun(image, HEIGHT * 3 / 4, Chart.color(0));
		assertThat(first).isGreaterThan(100);
		assertThat(second).isCloseTo(first / 2, org.assertj.core.data.Offset.offset(3));
	}

	@Test
	void stackedBarsAddTheirSeries() {
		BarChart chart = new BarChart(List.of("A", "B"),
				List.of(new Series("平台", List.of(30.0, 60.0)), new Series("监管", Arrays.asList(30.0, null))), true);

		assertThat(chart.maximum()).isEqualTo(60.0);
		BufferedImage image = draw(chart);
		boolean bothInOneRow = false;
		for (int y = 0; y < HEIGHT; y++) {
			bothInOneRow |= colouredRun(image, y, Chart.color(0)) > 10 && colouredRun(image, y, Chart.color(1)) > 10;
		}
		assertThat(bothInOneRow).isTrue();
	}

	@Test
	void linesLeaveGapsForMissingPointsAndMarkTheCampaignStart() {
		LineChart chart = new LineChart(List.of("W1", "W2", "W3", "W4"),
				List.of(new Series("显式标识率", Arrays.asList(20.0, null, 60.0, 90.0))), 2, "专项行动启动");

		BufferedImage image = draw(chart);

		assertThat(count(image, Chart.color(0))).as("the line").isGreaterThan(50);
		int reddish = 0;
		for (int y = 0; y < HEIGHT; y++) {
			for (int x = 0; x < WIDTH; x++) {
				Color pixel = new Color(image.getRGB(x, y));
				reddish += (pixel.getRed() - pixel.getBlue() > 60) ? 1 : 0;
			}
		}
		assertThat(reddish).as("the mark").isGreaterThan(20);
	}

	@Test
	void seriesOfTheWrongLengthAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BarChart(List.of("A", "B"), List.of(new Series("x", List.of(1.0))), false))
			.withMessageContaining("1 values for 2 categories");
	}

	@Test
	void aChartSurvivesSerialisationAsSwappedPagesNeed() throws Exception {
		LineChart chart = new LineChart(List.of("W1", "W2"), List.of(new Series("率", Arrays.asList(null, 50.0))), -1,
				null);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(chart);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			LineChart copy = (LineChart) in.readObject();
			assertThat(copy.points()).containsExactly("W1", "W2");
			assertThat(copy.series().get(0).values()).containsExactly(null, 50.0);
		}
	}

	private static BufferedImage draw(Chart chart) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, WIDTH, HEIGHT);
		chart.render(DefaultJasperReportsContext.getInstance(), g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
		g.dispose();
		return image;
	}

	/**
	 * Pixels of (about) the colour along one row: antialiased edges blend thin lines with
	 * the white behind them.
	 */
	private static int colouredRun(BufferedImage image, int y, Color color) {
		int run = 0;
		for (int x = 0; x < image.getWidth(); x++) {
			Color pixel = new Color(image.getRGB(x, y));
			int distance = Math.abs(pixel.getRed() - color.getRed()) + Math.abs(pixel.getGreen() - color.getGreen())
					+ Math.abs(pixel.getBlue() - color.getBlue());
			run += (distance < 90) ? 1 : 0;
		}
		return run;
	}

	private static int count(BufferedImage image, Color color) {
		int count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			count += colouredRun(image, y, color);
		}
		return count;
	}

}
