package cn.qinglang.labelcheck;

import java.util.Locale;

/**
 * The formats the checker reads, decided from the content (never from the name).
 */
public enum SampleFormat {

	JPEG("jpg", "jpeg", "jpe"), PNG("png"), WEBP("webp"), WAV("wav", "wave"), MP3("mp3"),
	MP4("mp4", "m4a", "m4v", "mov"), PDF("pdf"), OOXML("docx", "xlsx", "pptx"), TEXT("txt", "md", "text"), ZIP("zip"),
	OTHER;

	private final String[] extensions;

	SampleFormat(String... extensions) {
		this.extensions = extensions;
	}

	/** The format a file name's extension claims, or null when it claims none we know. */
	static SampleFormat ofExtension(String name) {
		int dot = name.lastIndexOf('.');
		if (dot < 0) {
			return null;
		}
		String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
		for (SampleFormat format : values()) {
			for (String candidate : format.extensions) {
				if (candidate.equals(extension)) {
					return format;
				}
			}
		}
		return null;
	}

	/** Whether the standard gives this format a place for an implicit label. */
	boolean carriesImplicitLabel() {
		return this != TEXT && this != ZIP && this != OTHER;
	}

}
