package cn.qinglang.inspect.evidence;

/**
 * An uploaded file as kept: the checked name it came with and the stored content.
 */
public record StoredUpload(String fileName, StoredFile file) {
}
