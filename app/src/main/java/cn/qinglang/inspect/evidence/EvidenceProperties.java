package cn.qinglang.inspect.evidence;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param storeDir where an earlier version kept the files (named by their SHA-256): those
 * found there are moved into the database at start ({@link LegacyEvidenceFolder})
 * @param maxFileSize largest accepted file
 * @param maxFiles most files in one submission
 * @param allowedTypes media types accepted, as detected from the content
 */
@ConfigurationProperties("qinglang.evidence")
public record EvidenceProperties(@DefaultValue("data/files") Path storeDir, @DefaultValue("20MB") DataSize maxFileSize,
		@DefaultValue("10") int maxFiles, @DefaultValue( {
				"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain", "text/csv",
				"application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				"application/vnd.openxmlformats-officedocument.presentationml.presentation" }) List<String> allowedTypes){
}
