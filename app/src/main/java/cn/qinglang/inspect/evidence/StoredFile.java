package cn.qinglang.inspect.evidence;

/**
 * A file in the store.
 *
 * @param id its row
 * @param sha256 SHA-256 of its bytes, hex; also its name in the store
 * @param sm3 SM3 (GB/T 32905) of its bytes, hex
 * @param size its size in bytes
 * @param contentType its media type, detected from the content
 */
public record StoredFile(long id, String sha256, String sm3, long size, String contentType) {
}
