package cn.qinglang.inspect.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One stored entry. Its hash covers every column and the previous entry's hash, so
 * changing, inserting or removing an entry breaks the chain.
 */
record AuditEntry(long id, Instant occurredAt, String actor, String actorRole, String remoteAddr, String action,
		String targetType, String targetId, String detail, String prevHash, String hash) {

	public static final String GENESIS_HASH = "0".repeat(64);

	static String computeHash(long id, Instant occurredAt, String actor, String actorRole, String remoteAddr,
			String action, String targetType, String targetId, String detail, String prevHash) {
		// unit separator between fields: no field value can make two entries collide
		String canonical = String.join("\u001f", Long.toString(id), occurredAt.toString(), nullSafe(actor),
				nullSafe(actorRole), nullSafe(remoteAddr), action, nullSafe(targetType), nullSafe(targetId),
				nullSafe(detail), prevHash);
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private static String nullSafe(String value) {
		return (value != null) ? value : "\u0000";
	}

	boolean hashMatches() {
		return this.hash.equals(computeHash(this.id, this.occurredAt, this.actor, this.actorRole, this.remoteAddr,
				this.action, this.targetType, this.targetId, this.detail, this.prevHash));
	}

}
