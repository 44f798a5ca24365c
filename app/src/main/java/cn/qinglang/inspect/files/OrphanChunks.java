package cn.qinglang.inspect.files;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the chunks that no stored file names once they are
 * {@code qinglang.files.orphan-age} old: those of an upload whose transaction rolled back
 * while its node stopped, or of a node that died while writing or deleting a file.
 */
@Component
class OrphanChunks {

	private static final Logger log = LoggerFactory.getLogger(OrphanChunks.class);

	private final Chunks chunks;

	private final FilesProperties properties;

	OrphanChunks(Chunks chunks, FilesProperties properties) {
		this.chunks = chunks;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${qinglang.files.cleanup-interval:PT1H}")
	@SchedulerLock(name = "orphan-chunks", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	void cleanup() {
		int deleted = deleteOrphans();
		if (deleted > 0) {
			log.info("Deleted the chunks of {} files left unfinished", deleted);
		}
	}

	/**
	 * @return how many chunk sets were deleted
	 */
	int deleteOrphans() {
		List<byte[]> orphans = this.chunks.orphans(this.properties.orphanAge());
		orphans.forEach(this.chunks::delete);
		return orphans.size();
	}

}
