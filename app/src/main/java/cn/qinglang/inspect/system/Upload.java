package cn.qinglang.inspect.system;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file as its sender sent it, for the services that keep or check files: no web type
 * travels past the controllers, which make one of a multipart part with
 * {@link Uploads#of}.
 *
 * @param name the name the sender gave, unchecked (may be null or blank)
 * @param declaredType the content type the sender declared, or null; a hint only
 * @param size its size in bytes as declared by the request
 * @param content opens the bytes
 */
public record Upload(String name, String declaredType, long size, Content content) {

	/** Opens a file's bytes. */
	@FunctionalInterface
	public interface Content {

		InputStream open() throws IOException;

	}

	public InputStream open() throws IOException {
		return this.content.open();
	}

	public boolean isEmpty() {
		return this.size == 0;
	}

}
