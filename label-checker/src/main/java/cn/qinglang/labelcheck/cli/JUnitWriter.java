package cn.qinglang.labelcheck.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import cn.qinglang.labelcheck.BatchSummary;
import cn.qinglang.labelcheck.LabelChecker;
import cn.qinglang.labelcheck.Problem;
import cn.qinglang.labelcheck.SampleReport;
import cn.qinglang.labelcheck.Verdict;

/**
 * JUnit XML, which every CI system shows as a test report: one test case per file, a
 * failure for a non-compliant one (its defects in the failure's text), skipped for one
 * the checker cannot judge. Written as the reports come, so the suite carries no counts
 * in its attributes (CI systems count the cases); the counts follow in its
 * {@code system-out}.
 */
final class JUnitWriter implements ReportWriter {

	private final XMLStreamWriter xml;

	JUnitWriter(OutputStream out) throws IOException {
		try {
			this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

	@Override
	public void start(boolean viaPlatform) throws IOException {
		try {
			this.xml.writeStartDocument("UTF-8", "1.0");
			this.xml.writeCharacters("\n");
			this.xml.writeStartElement("testsuites");
			this.xml.writeAttribute("name", LabelChecker.NAME + " " + LabelChecker.VERSION);
			this.xml.writeCharacters("\n");
			this.xml.writeStartElement("testsuite");
			this.xml.writeAttribute("name", "GB 45438-2025 implicit labels" + (viaPlatform ? " (via a platform)" : ""));
			this.xml.writeCharacters("\n");
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

	@Override
	public void write(SampleReport report) throws IOException {
		try {
			this.xml.writeStartElement("testcase");
			this.xml.writeAttribute("classname",
					"labelcheck." + report.format().name().toLowerCase(java.util.Locale.ROOT));
			this.xml.writeAttribute("name", report.name());
			if (report.verdict() == Verdict.NON_COMPLIANT) {
				Problem first = report.primaryDefect();
				this.xml.writeStartElement("failure");
				this.xml.writeAttribute("type", first.code().name());
				this.xml.writeAttribute("message", first.code().summary());
				this.xml.writeCharacters(lines(report));
				this.xml.writeEndElement();
			}
			else if (report.verdict() == Verdict.CANNOT_TELL) {
				this.xml.writeStartElement("skipped");
				this.xml.writeAttribute("message", lines(report));
				this.xml.writeEndElement();
			}
			this.xml.writeEndElement();
			this.xml.writeCharacters("\n");
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

	@Override
	public void finish(BatchSummary summary) throws IOException {
		try {
			this.xml.writeStartElement("system-out");
			this.xml.writeCharacters(
					summary.files() + " files: " + summary.byVerdict() + "; by problem: " + summary.byProblem());
			this.xml.writeEndElement();
			this.xml.writeCharacters("\n");
			this.xml.writeEndElement();
			this.xml.writeCharacters("\n");
			this.xml.writeEndElement();
			this.xml.writeCharacters("\n");
			this.xml.writeEndDocument();
			this.xml.flush();
		}
		catch (XMLStreamException ex) {
			throw new IOException(ex);
		}
	}

	private static String lines(SampleReport report) {
		return report.problems()
			.stream()
			.map((p) -> p.code().name() + ((p.detail() != null) ? ": " + p.detail() : ""))
			.collect(Collectors.joining("\n"));
	}

}
