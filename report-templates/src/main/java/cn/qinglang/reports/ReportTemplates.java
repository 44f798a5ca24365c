package cn.qinglang.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;

/**
 * The compiled templates on the classpath ({@code /reports/NAME.jasper}), loaded once.
 */
public final class ReportTemplates {

	private final Map<String, JasperReport> loaded = new ConcurrentHashMap<>();

	public JasperReport get(String name) {
		return this.loaded.computeIfAbsent(name, ReportTemplates::load);
	}

	private static JasperReport load(String name) {
		String resource = "/reports/" + name + ".jasper";
		try (InputStream in = ReportTemplates.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new MissingReportTemplateException(name, resource);
			}
			return (JasperReport) JRLoader.loadObject(in);
		}
		catch (IOException | JRException ex) {
			throw new IllegalStateException("Report template " + resource + " cannot be read", ex);
		}
	}

	/** No compiled template of that name: a template missing from the build. */
	public static final class MissingReportTemplateException extends IllegalArgumentException {

		MissingReportTemplateException(String name, String resource) {
			super("No report template '" + name + "': " + resource + " is not on the classpath");
		}

	}

}
