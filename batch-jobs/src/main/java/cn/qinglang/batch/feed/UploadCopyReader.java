package cn.qinglang.batch.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import cn.qinglang.batch.records.RecordType;

/**
 * Reads a run's uploaded file from a local copy that it makes when the step opens, on
 * whichever node runs or restarts the run, and deletes when the step closes: the
 * {@link UploadReader} walks the file several times, which a file in the database would
 * make a query per pass and chunk. The position kept for a restart is the wrapped
 * reader's.
 */
class UploadCopyReader implements ItemStreamReader<RawRecord> {

	private final RunUploads uploads;

	private final long runId;

	private final RecordType csvType;

	private final JsonMapper json;

	private Path copy;

	private UploadReader reader;

	UploadCopyReader(RunUploads uploads, long runId, RecordType csvType, JsonMapper json) {
		this.uploads = uploads;
		this.runId = runId;
		this.csvType = csvType;
		this.json = json;
	}

	@Override
	public void open(ExecutionContext context) {
		this.copy = this.uploads.copy(this.runId);
		this.reader = UploadFiles.reader(this.copy, this.csvType, this.json);
		this.reader.open(context);
	}

	@Override
	public RawRecord read() throws Exception {
		return this.reader.read();
	}

	@Override
	public void update(ExecutionContext context) {
		this.reader.update(context);
	}

	@Override
	public void close() {
		try {
			if (this.reader != null) {
				this.reader.close();
			}
		}
		finally {
			deleteCopy();
		}
	}

	private void deleteCopy() {
		if (this.copy != null) {
			try {
				Files.deleteIfExists(this.copy);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.copy = null;
		}
	}

}
