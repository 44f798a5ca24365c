package cn.qinglang.batch.feed;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where an uploaded file waits for its run, supplied by the host: somewhere that every
 * node reads (the portal keeps it in its database), so that a run interrupted on one node
 * is restarted on another. The run holds its file by the SHA-256 the host gave
 * ({@code feed_run.upload_sha256}) while it may still read it.
 */
public interface UploadStore {

	/** A copy of the file in a new local file, which the caller deletes. */
	Path copyToLocal(String sha256) throws IOException;

	/**
	 * Deletes the file: its run no longer needs it. A file that something else still
	 * holds (another run of the same content) is kept.
	 */
	void delete(String sha256);

}
