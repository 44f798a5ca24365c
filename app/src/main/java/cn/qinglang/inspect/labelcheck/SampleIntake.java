package cn.qinglang.inspect.labelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import cn.qinglang.inspect.evidence.EvidenceRejectedException;
import cn.qinglang.inspect.evidence.EvidenceStore;
import cn.qinglang.inspect.evidence.FileNames;
import cn.qinglang.inspect.evidence.StoredFile;
import cn.qinglang.labelcheck.LabelChecker;
import cn.qinglang.labelcheck.LimitedInputStream;
import cn.qinglang.labelcheck.Problem;
import cn.qinglang.labelcheck.ProblemCode;
import cn.qinglang.labelcheck.SampleArchive;
import cn.qinglang.labelcheck.SampleReport;
import cn.qinglang.inspect.system.Upload;

/**
 * Uploaded samples to reports, one at a time: each upload goes to a local part file
 * (never elsewhere), a ZIP is opened entry by entry into part files, each sample is
 * stored by its hashes (or, for the HTTP endpoint, only checked) and checked in its part
 * file. A sample that cannot be taken gets a report saying why; the batch goes on.
 */
@Component
class SampleIntake {

	private final EvidenceStore store;

	private final LabelCheckProperties properties;

	SampleIntake(EvidenceStore store, LabelCheckProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	/** Receives each sample's report, with the stored file when it was kept. */
	@FunctionalInterface
	interface Sink {

		void accept(SampleReport report, StoredFile stored);

	}

	/**
	 * @param keep store each sample in the evidence store; otherwise check and forget
	 * @return how many reports the sink received
	 */
	int take(List<Upload> uploads, LabelChecker checker, boolean keep, Sink sink) {
		Batch batch = new Batch(checker, keep, sink);
		for (Upload upload : uploads) {
			String name = (upload.name() != null) ? upload.name() : "";
			if (batch.full()) {
				batch.refuse(name, upload.size(), ProblemCode.NOT_CHECKED,
						"the batch already holds " + this.properties.maxFiles() + " files");
				continue;
			}
			String unsafe = name.isBlank() ? "no name" : SampleArchive.unsafeName(name);
			if (unsafe != null) {
				batch.refuse(name, upload.size(), ProblemCode.UNSAFE_NAME, unsafe);
				continue;
			}
			Path part = this.store.newPartFile();
			try {
				long limit = Math.max(this.properties.maxFileSize().toBytes(),
						this.properties.maxArchiveSize().toBytes());
				if (!copy(upload, part, limit)) {
					batch.refuse(name, upload.size(), ProblemCode.TOO_LARGE,
							"over " + DataSize.ofBytes(limit).toMegabytes() + " MB");
				}
				else if (LabelChecker.isArchive(part)) {
					batch.archive(name, part);
				}
				else if (Files.size(part) > this.properties.maxFileSize().toBytes()) {
					// only an archive may be larger than one sample
					batch.refuse(name, upload.size(), ProblemCode.TOO_LARGE,
							"over " + this.properties.maxFileSize().toMegabytes() + " MB");
				}
				else {
					batch.sample(name, part);
				}
			}
			catch (IOException ex) {
				batch.refuse(name, upload.size(), ProblemCode.DAMAGED, "cannot be read: " + ex.getMessage());
			}
			finally {
				delete(part);
			}
		}
		return batch.taken;
	}

	private boolean copy(Upload upload, Path part, long limit) throws IOException {
		try (InputStream in = new LimitedInputStream(upload.open(), limit)) {
			Files.copy(in, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			return true;
		}
		catch (LimitedInputStream.LimitExceededException ex) {
			return false;
		}
	}

	private static void delete(Path part) {
		try {
			Files.deleteIfExists(part);
		}
		catch (IOException ex) {
			// a part file left behind is never referenced; the temporary folder keeps it
		}
	}

	/** One batch's state: what was taken, and the unpacked bytes still allowed. */
	private final class Batch {

		private final LabelChecker checker;

		private final boolean keep;

		private final Sink sink;

		private int taken;

		private long unpacked;

		Batch(LabelChecker checker, boolean keep, Sink sink) {
			this.checker = checker;
			this.keep = keep;
			this.sink = sink;
		}

		boolean full() {
			return this.taken >= SampleIntake.this.properties.maxFiles();
		}

		void refuse(String name, long size, ProblemCode code, String detail) {
			report(SampleReport.unread(name, size, Problem.of(code, detail)), null);
		}

		void report(SampleReport report, StoredFile stored) {
			this.taken++;
			this.sink.accept(report, stored);
		}

		void archive(String name, Path archive) throws IOException {
			long allowed = SampleIntake.this.properties.maxUnpackedSize().toBytes() - this.unpacked;
			SampleArchive.Limits limits = new SampleArchive.Limits(SampleIntake.this.properties.maxFiles() - this.taken,
					SampleIntake.this.properties.maxFileSize().toBytes(), Math.max(0, allowed));
			this.unpacked += SampleArchive.forEach(archive, name + "!/", limits, this::entry,
					(report) -> report(report, null));
		}

		/** A ZIP entry: its content stops at the entry limit. */
		private void entry(String name, InputStream content) throws IOException {
			Path part = SampleIntake.this.store.newPartFile();
			try {
				Files.copy(content, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				sample(name, part);
			}
			finally {
				delete(part);
			}
		}

		/**
		 * Keeps the sample (unless only checking) and checks it, both from its part file.
		 */
		void sample(String name, Path part) throws IOException {
			if (!this.keep) {
				report(this.checker.check(name, part), null);
				return;
			}
			String lastSegment = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
			StoredFile stored;
			try (InputStream content = Files.newInputStream(part)) {
				stored = SampleIntake.this.store.storeSample(FileNames.checked(lastSegment), content,
						SampleIntake.this.properties.maxFileSize());
			}
			catch (EvidenceRejectedException ex) {
				refuse(name, 0, switch (ex.messageKey()) {
					case "evidence.empty" -> ProblemCode.EMPTY_FILE;
					case "evidence.tooLarge" -> ProblemCode.TOO_LARGE;
					default -> ProblemCode.UNSAFE_NAME;
				}, null);
				return;
			}
			report(this.checker.check(name, part), stored);
		}

	}

}
