package cn.qinglang.labelcheck;

/**
 * C2PA content credentials and AI-generation claims, reported beside the implicit label
 * (they do not replace it). Only presence and claims are read: signatures are not
 * verified.
 *
 * @param manifestFound a C2PA manifest store is embedded
 * @param manifestLocation where, or null
 * @param aiClaim the IPTC digital source type claimed, e.g.
 * {@code trainedAlgorithmicMedia}, or null
 * @param aiClaimLocation where that claim was read (the manifest or XMP), or null
 */
public record ContentCredentials(boolean manifestFound, String manifestLocation, String aiClaim,
		String aiClaimLocation) {

	public static final ContentCredentials NONE = new ContentCredentials(false, null, null, null);

	public boolean claimsAiGeneration() {
		return this.aiClaim != null;
	}

}
