package cn.qinglang.inspect.enterprise;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CreditCodeTests {

	/** The example printed in GB 32100-2015. */
	private static final String STANDARD_EXAMPLE = "91350100M000100Y43";

	@Test
	void standardsExampleIsValid() {
		assertThat(CreditCode.isValid(STANDARD_EXAMPLE)).isTrue();
		assertThat(CreditCode.checkCharacter(STANDARD_EXAMPLE.substring(0, 17))).isEqualTo('3');
	}

	@Test
	void anyChangedCharacterBreaksTheCheck() {
		for (int i = 0; i < 17; i++) {
			char original = STANDARD_EXAMPLE.charAt(i);
			char changed = (original == '1') ? '2' : '1';
			String altered = STANDARD_EXAMPLE.substring(0, i) + changed + STANDARD_EXAMPLE.substring(i + 1);
			assertThat(CreditCode.isValid(altered)).as("changed at %d", i).isFalse();
		}
	}

	@Test
	void lowerCaseAndBlanksAreAcceptedAsTheSameCode() {
		assertThat(CreditCode.isValid("  " + STANDARD_EXAMPLE.toLowerCase() + " ")).isTrue();
		assertThat(CreditCode.normalize(" 91350100m000100y43 ")).isEqualTo(STANDARD_EXAMPLE);
	}

	@Test
	void wrongLengthOrExcludedLettersAreInvalid() {
		assertThat(CreditCode.isValid(STANDARD_EXAMPLE.substring(0, 17))).isFalse();
		assertThat(CreditCode.isValid(STANDARD_EXAMPLE + "0")).isFalse();
		assertThat(CreditCode.isValid("91350100M000100O43")).isFalse();
		assertThat(CreditCode.isValid(null)).isFalse();
	}

	@Test
	void checkCharacterRefusesCharactersOutsideTheAlphabet() {
		assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.checkCharacter("91350100S00010000"));
	}

}
