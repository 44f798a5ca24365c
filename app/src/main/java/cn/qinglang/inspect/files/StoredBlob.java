package cn.qinglang.inspect.files;

/**
 * A file kept in the database.
 *
 * @param sha256 SHA-256 of its bytes, hex: its name
 * @param sm3 SM3 (GB/T 32905) of its bytes, hex
 * @param size its size in bytes
 */
public record StoredBlob(String sha256, String sm3, long size) {
}
