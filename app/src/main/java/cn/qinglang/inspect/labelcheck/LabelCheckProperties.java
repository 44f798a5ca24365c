package cn.qinglang.inspect.labelcheck;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import cn.qinglang.labelcheck.CheckOptions;

/**
 * @param maxFileSize largest sample checked (and kept)
 * @param maxArchiveSize largest ZIP of samples uploaded (each entry at most
 * {@code maxFileSize})
 * @param maxFiles most samples in one batch, ZIP entries included
 * @param maxUnpackedSize most bytes the ZIP archives of one batch may unpack to
 * @param maxMetadataSize largest metadata block read from a sample
 */
@ConfigurationProperties("qinglang.labelcheck")
record LabelCheckProperties(@DefaultValue("64MB") DataSize maxFileSize, @DefaultValue("10000") int maxFiles,
		@DefaultValue("2GB") DataSize maxUnpackedSize, @DefaultValue("4MB") DataSize maxMetadataSize,
		@DefaultValue("256MB") DataSize maxArchiveSize) {

	CheckOptions options(boolean viaPlatform) {
		return new CheckOptions(viaPlatform, this.maxFileSize.toBytes(), (int) this.maxMetadataSize.toBytes());
	}

}
