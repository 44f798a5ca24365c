package cn.qinglang.labelcheck;

import java.util.List;

/**
 * What the checker found in one file.
 *
 * @param name the file's name as given (made printable)
 * @param size its size in bytes
 * @param mediaType the media type detected from its content, or null
 * @param format the format it was read as
 * @param verdict compliant, non-compliant or cannot tell
 * @param labels every implicit label found, standard place or not
 * @param contentCredentials C2PA manifest and AI-generation claims, reported alongside
 * @param explicitLabel for text samples, where the explicit label was found; otherwise
 * null
 * @param problems every problem, defects first
 */
public record SampleReport(String name, long size, String mediaType, SampleFormat format, Verdict verdict,
		List<FoundLabel> labels, ContentCredentials contentCredentials, ExplicitLabel explicitLabel,
		List<Problem> problems) {

	/** A file that was not read at all: refused by the batch before the checker. */
	public static SampleReport unread(String name, long size, Problem problem) {
		return new SampleReport(Printable.clip(name, 300), size, null, SampleFormat.OTHER, verdictOf(List.of(problem)),
				List.of(), ContentCredentials.NONE, null, List.of(problem));
	}

	public boolean implicitLabelFound() {
		return !this.labels.isEmpty();
	}

	/** The first defect, the one a finding is about; null for a file without defects. */
	public Problem primaryDefect() {
		return this.problems.stream()
			.filter((problem) -> problem.code().kind() == ProblemCode.Kind.DEFECT)
			.findFirst()
			.orElse(null);
	}

	static Verdict verdictOf(List<Problem> problems) {
		if (problems.stream().anyMatch((p) -> p.code().kind() == ProblemCode.Kind.DEFECT)) {
			return Verdict.NON_COMPLIANT;
		}
		if (problems.stream().anyMatch((p) -> p.code().kind() == ProblemCode.Kind.UNREADABLE)) {
			return Verdict.CANNOT_TELL;
		}
		return Verdict.COMPLIANT;
	}

}
