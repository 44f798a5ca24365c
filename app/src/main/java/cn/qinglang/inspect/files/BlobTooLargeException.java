package cn.qinglang.inspect.files;

import org.springframework.util.unit.DataSize;

/**
 * Content over the size its receiver allows; nothing of it is kept.
 */
public class BlobTooLargeException extends RuntimeException {

	private final DataSize max;

	BlobTooLargeException(DataSize max) {
		super("over " + max.toBytes() + " bytes");
		this.max = max;
	}

	public DataSize max() {
		return this.max;
	}

}
