package cn.qinglang.batch.feed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the platforms' bearer tokens for storage: AES-256-GCM with a random 12-byte
 * nonce, stored as Base64 of nonce and ciphertext. The key comes from configuration,
 * never from the database.
 */
public class TokenCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final String problem;

	private final SecureRandom random = new SecureRandom();

	/**
	 * @param base64Key 32 bytes in Base64
	 */
	public TokenCipher(String base64Key) {
		byte[] bytes = (base64Key != null) ? decode(base64Key.strip()) : new byte[0];
		// the portal starts without a key; only storing or using a token needs one
		this.problem = (bytes.length == 32) ? null
				: "qinglang.feeds.token-key (QINGLANG_FEEDS_TOKEN_KEY) must be 32 random bytes in Base64, "
						+ "e.g. from `openssl rand -base64 32`";
		this.key = (bytes.length == 32) ? new SecretKeySpec(bytes, "AES") : null;
	}

	/** Whether a valid key is configured. */
	public boolean configured() {
		return this.problem == null;
	}

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	public String encrypt(String token) {
		if (this.problem != null) {
			throw new FeedException(this.problem);
		}
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("token encryption failed", ex);
		}
	}

	public String decrypt(String stored) {
		if (this.problem != null) {
			throw new FeedException(this.problem);
		}
		byte[] bytes = Base64.getDecoder().decode(stored);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new FeedException("the feed's token cannot be decrypted with the configured key; enter it again", ex);
		}
	}

}
