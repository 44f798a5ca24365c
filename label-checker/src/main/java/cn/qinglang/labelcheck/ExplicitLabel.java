package cn.qinglang.labelcheck;

import java.util.List;

/**
 * The explicit label of a text sample (Measures Art. 4: at the start, the end or in the
 * middle of the text).
 *
 * @param positions START, MIDDLE and/or END where a label phrase was found; empty when
 * none
 * @param phrase the first phrase found, or null
 */
public record ExplicitLabel(List<String> positions, String phrase) {

	public boolean found() {
		return !this.positions.isEmpty();
	}

}
