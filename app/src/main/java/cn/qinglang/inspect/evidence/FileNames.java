package cn.qinglang.inspect.evidence;

/**
 * The rules for an uploaded file's name: a name that tries to leave its folder or hides
 * control characters is refused, not repaired; other awkward characters are replaced.
 */
public final class FileNames {

	static final int MAX_LENGTH = 200;

	private FileNames() {
	}

	/** The name to keep, or an exception saying why there is none. */
	public static String checked(String original) {
		if (original == null || original.isBlank()) {
			throw new EvidenceRejectedException("evidence.name.empty");
		}
		if (original.chars().anyMatch((c) -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
			throw new EvidenceRejectedException("evidence.name.control");
		}
		for (String part : original.split("[/\\\\]")) {
			if (part.equals("..")) {
				throw new EvidenceRejectedException("evidence.name.traversal");
			}
		}
		// browsers may send a full client path: only its last segment is the name
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
		name = name.replaceAll("[<>:\"|?*]", "_");
		if (name.isEmpty() || name.equals(".")) {
			throw new EvidenceRejectedException("evidence.name.empty");
		}
		return (name.length() > MAX_LENGTH) ? name.substring(name.length() - MAX_LENGTH) : name;
	}

}
