package cn.qinglang.inspect.files;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param chunkSize bytes per chunk row, each written in a transaction (and a Galera write
 * set) of its own; at most 8 MB, below the server's {@code max_allowed_packet}
 * @param tempDir where files on their way in or out are kept while they are checked or
 * read (null: the system's temporary folder); local to the node
 * @param orphanAge chunks that no stored file names (a rolled-back upload, a node that
 * died while writing) are deleted once they are this old
 * @param connections connections of the pool through which chunks are written, read and
 * deleted, apart from the portal's own
 */
@ConfigurationProperties("qinglang.files")
record FilesProperties(@DefaultValue("1MB") DataSize chunkSize, Path tempDir, @DefaultValue("1d") Duration orphanAge,
		@DefaultValue("4") int connections) {

	FilesProperties {
		if (chunkSize.toBytes() < 1 || chunkSize.toBytes() > DataSize.ofMegabytes(8).toBytes()) {
			throw new IllegalArgumentException("qinglang.files.chunk-size must be between 1 byte and 8 MB");
		}
	}

}
