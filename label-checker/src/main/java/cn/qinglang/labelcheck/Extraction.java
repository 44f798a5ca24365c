package cn.qinglang.labelcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * What the format readers collect from one file: metadata fields that may hold a label,
 * problems met on the way, and content credentials. The checker decides afterwards which
 * fields are labels.
 */
final class Extraction {

	private final CheckOptions options;

	private final List<Field> fields = new ArrayList<>();

	private final List<Problem> problems = new ArrayList<>();

	private String manifestLocation;

	private String aiClaim;

	private String aiClaimLocation;

	Extraction(CheckOptions options) {
		this.options = options;
	}

	CheckOptions options() {
		return this.options;
	}

	/** A field in the place the standard names for the format: always a label. */
	void standard(String location, String value) {
		this.fields.add(new Field(location, KeyName.AIGC, value, true, false));
	}

	/**
	 * A field in the place the standard names for the format but under another name than
	 * {@code AIGC} that reads like it or holds a label: a wrong key name.
	 */
	void misnamed(String location, String name, String value) {
		if (value != null) {
			this.fields.add(new Field(location, name, value, false, true));
		}
	}

	/**
	 * A field of the kind the standard names for the format (a PNG text keyword, an ID3
	 * user text, a PDF Info key...): the label when named {@code AIGC}, a wrong key name
	 * when named like it, else any other field (a label under a well-known name such as
	 * Comment is in a non-standard place).
	 */
	void named(String location, String name, String value) {
		if (KeyName.isAigc(name)) {
			standard(location, value);
		}
		else if (KeyName.looksLikeAigc(name)) {
			misnamed(location, name, value);
		}
		else {
			other(location, name, value);
		}
	}

	/**
	 * Any other textual field: a label in a non-standard place when its name contains
	 * AIGC or its value is a label's JSON.
	 */
	void other(String location, String name, String value) {
		if (value != null) {
			this.fields.add(new Field(location, name, value, false, false));
		}
	}

	void problem(ProblemCode code, String detail) {
		this.problems.add(Problem.of(code, detail));
	}

	void problem(SampleException ex) {
		this.problems.add(ex.problem());
	}

	void xmp(String where, byte[] packet) {
		XmpPacket.read(where, packet, this);
	}

	void exif(String where, byte[] bytes, int tiffOffset) {
		ExifBlock.read(where, bytes, tiffOffset, this);
	}

	/** A JUMBF box found where C2PA puts its manifest store. */
	void jumbf(String where, byte[] box) {
		if (Jumbf.isC2paManifestStore(box)) {
			if (this.manifestLocation == null) {
				this.manifestLocation = where;
			}
			String claim = Jumbf.digitalSourceType(box);
			if (claim != null) {
				aiClaim(claim, where + " (C2PA)");
			}
		}
	}

	void aiClaim(String digitalSourceType, String where) {
		if (this.aiClaim == null) {
			this.aiClaim = digitalSourceType;
			this.aiClaimLocation = where;
		}
	}

	List<Field> fields() {
		return this.fields;
	}

	List<Problem> problems() {
		return this.problems;
	}

	ContentCredentials contentCredentials() {
		return new ContentCredentials(this.manifestLocation != null, this.manifestLocation, this.aiClaim,
				this.aiClaimLocation);
	}

	/**
	 * A textual metadata field.
	 *
	 * @param standard whether it is the place the standard names for the format
	 * @param misnamed whether it is that place under a wrong key name
	 */
	record Field(String location, String name, String value, boolean standard, boolean misnamed) {
	}

}
