package cn.qinglang.batch.feed;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether bytes are valid UTF-8, as strictly as the JDK's decoder reports it (no overlong
 * forms, no surrogates, nothing above U+10FFFF), without decoding them: for a pushed body
 * that is then parsed from its bytes.
 */
final class Utf8 {

	// eight bytes read at once: a run of ASCII (most of a record) passes a word at a time
	private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long HIGH_BITS = 0x8080808080808080L;

	private Utf8() {
	}

	static boolean isValid(byte[] bytes) {
		int i = 0;
		int n = bytes.length;
		while (i < n) {
			if (i + 8 <= n && ((long) WORD.get(bytes, i) & HIGH_BITS) == 0) {
				i += 8;
				continue;
			}
			int b = bytes[i];
			if (b >= 0) {
				i++;
				continue;
			}
			b &= 0xFF;
			if (b < 0xC2) {
				// a continuation byte where a character starts, or an overlong 2-byte
				// form
				return false;
			}
			if (b < 0xE0) {
				if (i + 1 >= n || !continuation(bytes[i + 1])) {
					return false;
				}
				i += 2;
			}
			else if (b < 0xF0) {
				if (i + 2 >= n || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])) {
					return false;
				}
				int second = bytes[i + 1] & 0xFF;
				// overlong (below U+0800), or a surrogate (U+D800 to U+DFFF)
				if ((b == 0xE0 && second < 0xA0) || (b == 0xED && second >= 0xA0)) {
					return false;
				}
				i += 3;
			}
			else if (b < 0xF5) {
				if (i + 3 >= n || !continuation(bytes[i + 1]) || !continuation(bytes[i + 2])
						|| !continuation(bytes[i + 3])) {
					return false;
				}
				int second = bytes[i + 1] & 0xFF;
				// overlong (below U+10000), or above U+10FFFF
				if ((b == 0xF0 && second < 0x90) || (b == 0xF4 && second >= 0x90)) {
					return false;
				}
				i += 4;
			}
			else {
				return false;
			}
		}
		return true;
	}

	private static boolean continuation(byte b) {
		return (b & 0xC0) == 0x80;
	}

}
