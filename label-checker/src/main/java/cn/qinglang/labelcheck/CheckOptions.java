package cn.qinglang.labelcheck;

/**
 * How to check.
 *
 * @param viaPlatform the samples were taken from a dissemination platform, so their
 * labels must carry the propagator's fields (Measures Art. 6)
 * @param maxFileSize larger files are not read
 * @param maxMetadataBytes larger metadata blocks (an XMP packet, a text chunk, an ID3
 * tag) are skipped, never read into memory
 */
public record CheckOptions(boolean viaPlatform, long maxFileSize, int maxMetadataBytes) {

	public static final long DEFAULT_MAX_FILE_SIZE = 512L * 1024 * 1024;

	public static final int DEFAULT_MAX_METADATA_BYTES = 4 * 1024 * 1024;

	public static CheckOptions defaults() {
		return new CheckOptions(false, DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_METADATA_BYTES);
	}

	public CheckOptions withViaPlatform(boolean via) {
		return new CheckOptions(via, this.maxFileSize, this.maxMetadataBytes);
	}

	public CheckOptions withMaxFileSize(long max) {
		return new CheckOptions(this.viaPlatform, max, this.maxMetadataBytes);
	}

}
