package cn.qinglang.labelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;

/**
 * Word, Excel and PowerPoint files (OOXML), read with Apache POI, whose zip reader
 * refuses bombs by their inflation ratio: the standard's place is custom property
 * {@code AIGC} ({@code docProps/custom.xml}); the core properties are read for labels put
 * elsewhere. A C2PA manifest store of a zip-based document is the entry
 * {@code META-INF/content_credential.c2pa}.
 */
final class OoxmlReader {

	private static final String CUSTOM = "docProps/custom.xml";

	private static final String C2PA_ENTRY = "META-INF/content_credential.c2pa";

	private OoxmlReader() {
	}

	static void read(Path path, Extraction x) throws SampleException {
		try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
			POIXMLProperties properties = new POIXMLProperties(pkg);
			for (CTProperty property : properties.getCustomProperties().getUnderlyingProperties().getPropertyList()) {
				String name = property.getName();
				String value = property.isSetLpwstr() ? property.getLpwstr()
						: property.isSetLpstr() ? property.getLpstr() : null;
				String location = CUSTOM + " " + Printable.clip(String.valueOf(name), 60);
				x.named(CUSTOM + " " + KeyName.shown(Printable.clip(String.valueOf(name), 60)), String.valueOf(name),
						value);
			}
			PackagePropertiesPart core = properties.getCoreProperties().getUnderlyingProperties();
			Map<String, String> coreFields = new java.util.LinkedHashMap<>();
			coreFields.put("description", core.getDescriptionProperty().orElse(null));
			coreFields.put("keywords", core.getKeywordsProperty().orElse(null));
			coreFields.put("subject", core.getSubjectProperty().orElse(null));
			coreFields.put("title", core.getTitleProperty().orElse(null));
			coreFields.put("category", core.getCategoryProperty().orElse(null));
			coreFields.forEach((field, value) -> x.other("docProps/core.xml " + field, field, value));
		}
		catch (IOException | RuntimeException | OpenXML4JException | XmlException ex) {
			throw SampleException.damaged("Office document: " + ex.getMessage());
		}
		contentCredentials(path, x);
	}

	private static void contentCredentials(Path path, Extraction x) {
		try (ZipFile zip = new ZipFile(path.toFile())) {
			ZipEntry entry = zip.getEntry(C2PA_ENTRY);
			if (entry != null) {
				try (InputStream in = new LimitedInputStream(zip.getInputStream(entry),
						x.options().maxMetadataBytes())) {
					x.jumbf(C2PA_ENTRY, in.readAllBytes());
				}
			}
		}
		catch (IOException ex) {
			x.problem(ProblemCode.DAMAGED, C2PA_ENTRY + ": " + ex.getMessage());
		}
	}

}
