package cn.qinglang.inspect.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The two hashes the portal shows beside every file, computed as a reader of a printed
 * report would: SHA-256 (the JDK's) and SM3 (GB/T 32905, Bouncy Castle), in hex.
 */
public final class Hashes {

	private Hashes() {
	}

	public static String sha256(byte[] content) {
		return both(content).split(" ")[0];
	}

	public static String sm3(byte[] content) {
		return both(content).split(" ")[1];
	}

	/** {@code "<sha256> <sm3>"} of the bytes. */
	public static String both(byte[] content) {
		try {
			return both(new java.io.ByteArrayInputStream(content));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code "<sha256> <sm3>"} of a stream's bytes, read to its end. */
	public static String both(InputStream content) throws IOException {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		SM3Digest sm3 = new SM3Digest();
		byte[] buffer = new byte[64 * 1024];
		for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
			sha256.update(buffer, 0, n);
			sm3.update(buffer, 0, n);
		}
		byte[] sm3Hash = new byte[sm3.getDigestSize()];
		sm3.doFinal(sm3Hash, 0);
		return HexFormat.of().formatHex(sha256.digest()) + " " + HexFormat.of().formatHex(sm3Hash);
	}

}
