package cn.qinglang.labelcheck;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The explicit label of a text sample (Measures Art. 4): a phrase saying the text was
 * generated or synthesised by AI, at its start, its end or in its middle. A long text is
 * read at its head and its tail only.
 */
final class TextReader {

	/** Read whole up to this size; longer texts by head and tail of half of it each. */
	static final int WHOLE = 1024 * 1024;

	private static final Pattern LABEL = Pattern.compile(
			"(人工智能|AIGC|AI)\\s*(辅助)?\\s*(生成|合成|创作)|由\\s*(人工智能|AI)|AI[- ]generated|generated\\s+(by|with)\\s+(AI|artificial intelligence)",
			Pattern.CASE_INSENSITIVE);

	/** The share of the text at either end that counts as its start or its end. */
	private static final double EDGE = 0.15;

	private TextReader() {
	}

	static ExplicitLabel read(SampleFile file) throws IOException, SampleException {
		long size = file.size();
		List<String> positions = new ArrayList<>();
		String phrase;
		if (size <= WHOLE) {
			String text = decode(file.tail((int) size));
			phrase = find(text, (at) -> (at <= EDGE) ? "START" : (at >= 1 - EDGE) ? "END" : "MIDDLE", positions);
		}
		else {
			// the head and the tail are each under half of the text: their outer parts
			// are
			// its start and end, their inner parts belong to its middle
			String head = decode(file.header(0, WHOLE / 2, "text"));
			String tail = decode(file.tail(WHOLE / 2));
			phrase = find(head, (at) -> (at <= 2 * EDGE) ? "START" : "MIDDLE", positions);
			String last = find(tail, (at) -> (at >= 1 - 2 * EDGE) ? "END" : "MIDDLE", positions);
			phrase = (phrase != null) ? phrase : last;
		}
		return new ExplicitLabel(positions, (phrase != null) ? Printable.clip(phrase, 60) : null);
	}

	/**
	 * Finds label phrases in a piece of text; the position of each is named from where in
	 * the piece (0 to 1) it is. Returns the first phrase, or null.
	 */
	private static String find(String text, DoubleFunction<String> position, List<String> positions) {
		Matcher matcher = LABEL.matcher(text);
		String first = null;
		while (matcher.find()) {
			first = (first != null) ? first : matcher.group();
			double start = (double) matcher.start() / text.length();
			double end = (double) matcher.end() / text.length();
			String name = position.apply((start < 0.5) ? start : end);
			if (!positions.contains(name)) {
				positions.add(name);
			}
		}
		return first;
	}

	/**
	 * UTF-8 when it is UTF-8 (a piece cut from a long text may break a character at
	 * either end), otherwise GB18030 (the Chinese national charset).
	 */
	private static String decode(byte[] bytes) {
		String utf8 = new String(bytes, StandardCharsets.UTF_8);
		long broken = utf8.chars().filter((c) -> c == '\uFFFD').count();
		return (broken <= 2) ? utf8 : new String(bytes, Charset.forName("GB18030"));
	}

}
