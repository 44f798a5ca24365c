package cn.qinglang.inspect.system;

import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/**
 * The web edge's one place that turns multipart parts into {@link Upload}s for the
 * services.
 */
public final class Uploads {

	private Uploads() {
	}

	public static Upload of(MultipartFile file) {
		return new Upload(file.getOriginalFilename(), file.getContentType(), file.getSize(), file::getInputStream);
	}

	/** The parts as uploads; none for a missing list. */
	public static List<Upload> of(List<MultipartFile> files) {
		return (files != null) ? files.stream().map(Uploads::of).toList() : List.of();
	}

}
