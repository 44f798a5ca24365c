package cn.qinglang.labelcheck;

import java.io.ByteArrayInputStream;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPIterator;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.ParseOptions;
import com.adobe.internal.xmp.properties.XMPPropertyInfo;

/**
 * An XMP packet, read with Adobe's XMP toolkit (xmpcore) after a streaming pass that
 * refuses what the toolkit's DOM and recursion should not see: a DOCTYPE, too deep a
 * nesting, too many elements.
 */
final class XmpPacket {

	/** GB 45438-2025 Annex E: the implicit label's XMP namespace. */
	static final String TC260 = "http://www.tc260.org.cn/ns/AIGC/1.0/";

	static final String IPTC_EXTENSION = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";

	static final int MAX_DEPTH = 64;

	static final int MAX_ELEMENTS = 50_000;

	private static final XMLInputFactory STAX = XMLInputFactory.newFactory();

	private static final ParseOptions PARSE = new ParseOptions().setRequireXMPMeta(false)
		.setDisallowDoctype(true)
		.setAcceptLatin1(true);

	static {
		STAX.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		STAX.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		STAX.setProperty(XMLInputFactory.IS_COALESCING, false);
	}

	private XmpPacket() {
	}

	static void read(String where, byte[] packet, Extraction x) {
		String location = where + " XMP";
		try {
			if (!shallowEnough(packet)) {
				x.problem(ProblemCode.METADATA_TOO_DEEP,
						location + " nests deeper than " + MAX_DEPTH + " or has over " + MAX_ELEMENTS + " elements");
				return;
			}
			XMPMeta meta = XMPMetaFactory.parseFromBuffer(packet, PARSE);
			for (XMPIterator it = meta.iterator(); it.hasNext();) {
				XMPPropertyInfo property = (XMPPropertyInfo) it.next();
				String path = property.getPath();
				String value = property.getValue();
				if (path == null || value == null) {
					continue;
				}
				String localName = path.substring(path.lastIndexOf(':') + 1);
				if (TC260.equals(property.getNamespace()) && KeyName.isAigc(localName)) {
					x.standard(location + " " + path, value);
				}
				else if (TC260.equals(property.getNamespace())
						&& (KeyName.looksLikeAigc(localName) || LabelRules.looksLikeLabel(value))) {
					// the label's own namespace: another name that reads like AIGC or
					// holds the label's JSON is a wrong key name
					x.misnamed(location + " " + KeyName.shown(path), localName, value);
				}
				else if (IPTC_EXTENSION.equals(property.getNamespace()) && path.endsWith("DigitalSourceType")) {
					String claim = Jumbf.digitalSourceType(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
					if (claim != null) {
						x.aiClaim(claim, location + " " + path);
					}
				}
				else {
					x.other(location + " " + path, path, value);
				}
			}
		}
		catch (XMLStreamException | XMPException | RuntimeException ex) {
			x.problem(ProblemCode.DAMAGED, location + " is not well-formed: " + ex.getMessage());
		}
	}

	private static boolean shallowEnough(byte[] packet) throws XMLStreamException {
		XMLStreamReader reader = STAX.createXMLStreamReader(new ByteArrayInputStream(packet));
		try {
			int depth = 0;
			int elements = 0;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.DTD) {
					throw new XMLStreamException("a DOCTYPE is not allowed in XMP");
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					depth++;
					elements++;
					if (depth > MAX_DEPTH || elements > MAX_ELEMENTS) {
						return false;
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
				}
			}
			return true;
		}
		finally {
			reader.close();
		}
	}

}
