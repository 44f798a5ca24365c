package cn.qinglang.batch.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Utf8} against the JDK's reporting decoder, with every kind of sequence at every
 * place around the eight-byte words it reads ASCII by.
 */
class Utf8Tests {

	private static final byte[][] SEQUENCES = { { (byte) 0xFF }, { (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF },
			{ (byte) 0xC3, (byte) 0xA9 }, { (byte) 0xC3 }, { (byte) 0xE4, (byte) 0xB8, (byte) 0xAD },
			{ (byte) 0xE4, (byte) 0xB8 }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
			{ (byte) 0xE0, (byte) 0x80, (byte) 0x80 }, { (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80 },
			{ (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, { (byte) 0xF0, (byte) 0x9F, (byte) 0x98 } };

	@Test
	void agreesWithTheDecoderAtEveryPlaceOfEveryKindOfSequence() {
		int checked = 0;
		int valid = 0;
		for (byte[] sequence : SEQUENCES) {
			for (int length = 0; length <= 24; length++) {
				for (int at = 0; at <= length; at++) {
					byte[] bytes = new byte[length + sequence.length];
					Arrays.fill(bytes, (byte) 'a');
					System.arraycopy(sequence, 0, bytes, at, sequence.length);
					boolean decodes = decodes(bytes);
					assertThat(Utf8.isValid(bytes)).as("%s at %d of %d", Arrays.toString(sequence), at, length)
						.isEqualTo(decodes);
					checked++;
					valid += decodes ? 1 : 0;
				}
			}
		}
		// each sequence at each place of 0 to 24 bytes of ASCII; 3 of the 12 are valid
		assertThat(checked).isEqualTo(SEQUENCES.length * 325);
		assertThat(valid).isEqualTo(3 * 325);
	}

	@Test
	void plainAsciiOfAnyLengthIsValid() {
		for (int length = 0; length <= 40; length++) {
			byte[] bytes = new byte[length];
			Arrays.fill(bytes, (byte) 0x7F);
			assertThat(Utf8.isValid(bytes)).isTrue();
		}
	}

	private static boolean decodes(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
